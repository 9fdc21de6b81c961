package shouwang.alert.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import shouwang.kit.security.CallerScope;

/** Where a cadre belongs (community, grid, original unit): what scope checks and worklist filters look at. */
@Embeddable
public class Placement {

    @Column(name = "community_code")
    public String communityCode;

    @Column(name = "grid_code")
    public String gridCode;

    @Column(name = "unit_code")
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

    /** A change aimed outside the caller's scope: 403. */
    public void requireChangeableBy(CallerScope caller) {
        caller.requireCadre(communityCode, gridCode, unitCode);
    }

    /** A single read outside the caller's scope: 404. */
    public void requireVisibleTo(CallerScope caller, String what, Object id) {
        caller.requireVisible(what, id, communityCode, gridCode, unitCode);
    }
}
