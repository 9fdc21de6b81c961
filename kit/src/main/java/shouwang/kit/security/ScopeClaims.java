package shouwang.kit.security;

/** Token claims (string arrays) that bound what a scoped user may see. */
public final class ScopeClaims {

    public static final String COMMUNITY_CODES = "community_codes";
    public static final String GRID_CODES = "grid_codes";
    public static final String UNIT_CODES = "unit_codes";

    private ScopeClaims() {
    }
}
