package shouwang.registry.org;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** 网格, inside one community. */
@Entity
@Table(name = "org_grid")
public class Grid extends OrgRecord {
    public String communityCode;

    @Override
    public OrgKind kind() {
        return OrgKind.GRID;
    }

    @Override
    public String parentCode() {
        return communityCode;
    }
}
