package shouwang.kit.security;

/** Token claims (string arrays) that bound what a scoped user may see. */
public final class ScopeClaims {

    public static final String COMMUNITY_CODES = "community_codes";
    public static final String GRID_CODES = "grid_codes";
    public static final String UNIT_CODES = "unit_codes";
    /** Street offices of a {@code street-officer}; each service resolves them to communities ({@link OrgHierarchy}). */
    public static final String STREET_CODES = "street_codes";
    /** Districts of a {@code district-admin} in a city deployment; resolved to communities like streets ({@link OrgHierarchy}). */
    public static final String DISTRICT_CODES = "district_codes";
    /** The cadre a {@code cadre} token belongs to (one UUID, not an array). */
    public static final String CADRE_ID = "cadre_id";

    private ScopeClaims() {
    }
}
