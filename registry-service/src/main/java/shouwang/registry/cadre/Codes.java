package shouwang.registry.cadre;

/** The contract's codes; their Chinese labels are in {@link Labels}. */
public final class Codes {

    private Codes() {
    }

    public enum Gender { MALE, FEMALE }

    public enum RetirementType { LIXIU, TUIXIU }

    public enum Rank { COUNTY_CHIEF, COUNTY_DEPUTY, SECTION_CHIEF, SECTION_DEPUTY, OTHER }

    public enum LivingArrangement { ALONE, COUPLE_ONLY, WITH_FAMILY, WITH_CAREGIVER, INSTITUTION }

    public enum SelfCare { FULL, PARTIAL, NONE }

    public enum SpecialCategory {
        WIDOWED_CHILDLESS, EXTREME_HARDSHIP, DISABLED, SERIOUS_ILLNESS, CHILDREN_AWAY;

        /** 孤寡, 特困, 残疾, 重病 make a key service target (重点服务对象); children living away alone does not. */
        public boolean makesKeyTarget() {
            return this != CHILDREN_AWAY;
        }
    }

    public enum CadreStatus { ACTIVE, DECEASED, MOVED_AWAY }

    public enum ContactLayer { UNIT, COMMUNITY, GRID, NEIGHBOUR }
}
