package shouwang.registry.cadre;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import shouwang.registry.cadre.Codes.CadreStatus;
import shouwang.registry.cadre.Codes.ContactLayer;
import shouwang.registry.cadre.Codes.Gender;
import shouwang.registry.cadre.Codes.LivingArrangement;
import shouwang.registry.cadre.Codes.Rank;
import shouwang.registry.cadre.Codes.RetirementType;
import shouwang.registry.cadre.Codes.SelfCare;
import shouwang.registry.cadre.Codes.SpecialCategory;

/** The Chinese label of each code (first) and other wordings clerks use (after), for imports and spreadsheets. */
public final class Labels {

    private static final Map<Enum<?>, List<String>> LABELS = new HashMap<>();

    static {
        put(Gender.MALE, "男");
        put(Gender.FEMALE, "女");
        put(RetirementType.LIXIU, "离休");
        put(RetirementType.TUIXIU, "退休");
        put(Rank.COUNTY_CHIEF, "正县级");
        put(Rank.COUNTY_DEPUTY, "副县级");
        put(Rank.SECTION_CHIEF, "正科级");
        put(Rank.SECTION_DEPUTY, "副科级");
        put(Rank.OTHER, "其他");
        put(LivingArrangement.ALONE, "独居");
        put(LivingArrangement.COUPLE_ONLY, "两老同住", "空巢", "两老同住/空巢");
        put(LivingArrangement.WITH_FAMILY, "与家人同住", "与子女同住");
        put(LivingArrangement.WITH_CAREGIVER, "保姆照护");
        put(LivingArrangement.INSTITUTION, "养老机构");
        put(SelfCare.FULL, "完全自理", "自理");
        put(SelfCare.PARTIAL, "部分自理", "半自理");
        put(SelfCare.NONE, "生活不能自理", "不能自理");
        put(SpecialCategory.WIDOWED_CHILDLESS, "孤寡");
        put(SpecialCategory.EXTREME_HARDSHIP, "特困");
        put(SpecialCategory.DISABLED, "残疾");
        put(SpecialCategory.SERIOUS_ILLNESS, "重病");
        put(SpecialCategory.CHILDREN_AWAY, "子女在外地");
        put(CadreStatus.ACTIVE, "在册");
        put(CadreStatus.DECEASED, "已故");
        put(CadreStatus.MOVED_AWAY, "迁出");
        put(ContactLayer.UNIT, "原单位");
        put(ContactLayer.COMMUNITY, "社区");
        put(ContactLayer.GRID, "网格");
        put(ContactLayer.NEIGHBOUR, "邻里守望");
    }

    private Labels() {
    }

    private static void put(Enum<?> code, String... labels) {
        LABELS.put(code, List.of(labels));
    }

    public static String label(Enum<?> code) {
        return code == null ? "" : LABELS.get(code).get(0);
    }

    /** The code (any case), its label or another wording; null when nothing matches. */
    public static <E extends Enum<E>> E parse(Class<E> type, String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.trim();
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equalsIgnoreCase(value) || LABELS.get(candidate).contains(value)) {
                return candidate;
            }
        }
        return null;
    }

    /** {@code must be one of MALE/男, FEMALE/女}. */
    public static <E extends Enum<E>> String choices(Class<E> type) {
        StringBuilder text = new StringBuilder("must be one of ");
        E[] values = type.getEnumConstants();
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(values[i].name()).append('/').append(label(values[i]));
        }
        return text.toString();
    }
}
