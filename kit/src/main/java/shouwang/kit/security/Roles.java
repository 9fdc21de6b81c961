package shouwang.kit.security;

/** Realm roles of the contract. */
public final class Roles {

    public static final String DISTRICT_ADMIN = "district-admin";
    public static final String COMMUNITY_WORKER = "community-worker";
    public static final String GRID_WORKER = "grid-worker";
    public static final String UNIT_LIAISON = "unit-liaison";
    public static final String VOLUNTEER = "volunteer";
    public static final String PARTNER = "partner";

    private Roles() {
    }
}
