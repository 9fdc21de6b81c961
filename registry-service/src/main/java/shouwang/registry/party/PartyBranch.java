package shouwang.registry.party;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import shouwang.kit.security.Placement;

/**
 * A party branch of retired cadres (离退休干部综合党支部), of a community or of an original unit: its placement has
 * exactly one of the two, and scope follows it (a community worker sees its community's branches).
 */
@Entity
@Table(name = "party_branch")
public class PartyBranch extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    @Embedded
    public Placement placement = new Placement();
    public UUID clientId;
    public long version;
    public Instant createdAt;
    public Instant updatedAt;

    public Placement placement() {
        return Placement.orEmpty(placement);
    }
}
