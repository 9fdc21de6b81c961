package shouwang.visit;

import jakarta.persistence.Embedded;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import shouwang.kit.security.Placement;

/**
 * An entity placed where its cadre is (community, grid, unit columns): what scope checks and list filters look at
 * ({@code ListQuery.inScope(scope, "t.placement")}).
 */
@MappedSuperclass
public abstract class PlacedEntity extends PanacheEntityBase {

    @Embedded
    public Placement placement;

    /** Never null: Hibernate loads an all-null placement as null. */
    public Placement placement() {
        return Placement.orEmpty(placement);
    }
}
