package shouwang.kit.security;

/** Realm roles of the contract. */
public final class Roles {

    public static final String DISTRICT_ADMIN = "district-admin";
    public static final String COMMUNITY_WORKER = "community-worker";
    public static final String GRID_WORKER = "grid-worker";
    public static final String UNIT_LIAISON = "unit-liaison";
    public static final String VOLUNTEER = "volunteer";
    public static final String PARTNER = "partner";
    /** A street office (街道): sees the communities of the streets in its {@code street_codes} claim. */
    public static final String STREET_OFFICER = "street-officer";
    /** A retired cadre using the self-service paths; its {@code cadre_id} claim names it. */
    public static final String CADRE = "cadre";

    private Roles() {
    }
}
