package shouwang.registry.org;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** 原单位: the unit a cadre retired from. */
@Entity
@Table(name = "org_unit")
public class Unit extends OrgRecord {

    @Override
    public OrgKind kind() {
        return OrgKind.UNIT;
    }
}
