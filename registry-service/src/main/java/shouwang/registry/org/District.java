package shouwang.registry.org;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * 区: a district of a city deployment, over streets; its people are that district bureau's (level 3 of the ladder
 * for its cadres). A one-district install has none (its streets name no district; the bureau record is level 3).
 */
@Entity
@Table(name = "org_district")
public class District extends OrgRecord {

    @Override
    public OrgKind kind() {
        return OrgKind.DISTRICT;
    }
}
