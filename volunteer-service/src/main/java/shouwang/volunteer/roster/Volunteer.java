package shouwang.volunteer.roster;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person who serves: a registered cadre (cadreId) or another resident (name + phone). Hours hang off this id. */
@Entity
@Table(name = "volunteer")
public class Volunteer extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID cadreId;
    public String name;
    public String phone;
    /** Home community: the cadre's community, or the community of the first post or record that named the resident. */
    public String communityCode;
    /** The login (role volunteer) that is this person, so they can see their own hours. */
    public String account;
    /** Time bank balance in hours; kept equal to the ledger's sum, never negative (a check constraint too). */
    public BigDecimal balance;
    public Instant createdAt;
    public Instant updatedAt;
}
