package shouwang.registry.org;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** 区委老干部局: the district bureau, one record (code QWLGJ from the migration); level 3 of the ladder. */
@Entity
@Table(name = "org_bureau")
public class Bureau extends OrgRecord {

    @Override
    public OrgKind kind() {
        return OrgKind.BUREAU;
    }
}
