package shouwang.registry.org;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * 社区, under a street office (街道). {@code streetName} is the street's name when {@code streetCode} names one (kept
 * in step when the street is renamed); communities created before streets were records carry only the name.
 */
@Entity
@Table(name = "org_community")
public class Community extends OrgRecord {
    public String streetCode;
    public String streetName;

    @Override
    public OrgKind kind() {
        return OrgKind.COMMUNITY;
    }

    @Override
    public String parentCode() {
        return streetCode;
    }
}
