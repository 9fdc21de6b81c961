package shouwang.kit.security;

/** Realm roles of the contract. */
public final class Roles {

    /**
     * A district bureau (区委老干部局). In a city deployment its {@code district_codes} claim names its districts; with
     * none, it sees everything of a one-district deployment ({@link CallerScope#scope()}).
     */
    public static final String DISTRICT_ADMIN = "district-admin";
    /**
     * The city (市): every district, and the districts themselves and city-wide settings. It holds every right of a
     * {@code district-admin} as well ({@link CityAdminRoles}), across all districts.
     */
    public static final String CITY_ADMIN = "city-admin";
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
