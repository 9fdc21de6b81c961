package shouwang.volunteer;

/** Volunteer post categories of the contract; also the service type of a service record and a team's field. */
public enum ServiceCategory {
    POLICY_PROMOTION("政策宣传"),
    SECURITY_PATROL("治安巡逻"),
    LEGAL_AID("法律咨询"),
    CULTURE_SPORTS("文体健身"),
    YOUTH_EDUCATION("关心下一代"),
    MEDIATION("民事调解"),
    ENVIRONMENT("环境卫生"),
    ELDER_HELP("助老服务"),
    FAMILY_PLANNING("计划生育");

    private final String label;

    ServiceCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
