package shouwang.kit.security;

import java.util.Objects;

import jakarta.persistence.Embeddable;

/**
 * Where a cadre (and everything about it: a task, an alert, a post) belongs: its community, grid and original unit.
 * Scope checks and list filters look at these three columns, so every entity embeds this one type
 * ({@code @Embedded public Placement placement}) and its table has {@code community_code}, {@code grid_code} and
 * {@code unit_code} (rename one with {@code @AttributeOverride} where a table differs).
 */
@Embeddable
public class Placement {

    public String communityCode;

    public String gridCode;

    public String unitCode;

    public Placement() {
    }

    public Placement(String communityCode, String gridCode, String unitCode) {
        this.communityCode = communityCode;
        this.gridCode = gridCode;
        this.unitCode = unitCode;
    }

    /** Hibernate loads an embeddable whose columns are all null as null; callers get an empty placement instead. */
    public static Placement orEmpty(Placement placement) {
        return placement == null ? new Placement() : placement;
    }

    public Placement copy() {
        return new Placement(communityCode, gridCode, unitCode);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Placement that && Objects.equals(communityCode, that.communityCode)
                && Objects.equals(gridCode, that.gridCode) && Objects.equals(unitCode, that.unitCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(communityCode, gridCode, unitCode);
    }

    @Override
    public String toString() {
        return communityCode + "/" + gridCode + "/" + unitCode;
    }
}
