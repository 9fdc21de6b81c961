package shouwang.volunteer.team;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "team_member")
@IdClass(TeamMember.Key.class)
public class TeamMember extends PanacheEntityBase {

    @Id
    public UUID teamId;
    @Id
    public UUID volunteerId;
    public Instant joinedAt;

    public record Key(UUID teamId, UUID volunteerId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
