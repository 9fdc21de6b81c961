package shouwang.registry.org;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** 街道: a street office, over communities, in a district (null in a one-district install); level 2 of the ladder. */
@Entity
@Table(name = "org_street")
public class Street extends OrgRecord {
    public String districtCode;

    @Override
    public OrgKind kind() {
        return OrgKind.STREET;
    }

    @Override
    public String parentCode() {
        return districtCode;
    }
}
