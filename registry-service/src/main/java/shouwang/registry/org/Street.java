package shouwang.registry.org;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** 街道: a street office, over communities; level 2 of the escalation ladder. */
@Entity
@Table(name = "org_street")
public class Street extends OrgRecord {

    @Override
    public OrgKind kind() {
        return OrgKind.STREET;
    }
}
