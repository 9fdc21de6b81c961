package shouwang.alert.cadre;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import shouwang.kit.security.Placement;

/** The latest profile of a cadre received on cadre-profiles, reduced to what alerting needs. */
@Entity
@Table(name = "cadre_profile")
public class CadreProfile extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";

    @Id
    public UUID id;

    @Column(name = "version", nullable = false)
    public long version;

    public String name;

    @Embedded
    public Placement placement;

    /** The street (街道) of the cadre's community as registry says; null when not given. */
    public String streetCode;

    @Column(name = "status", nullable = false)
    public String status;

    /** JSON array of {@link Contact}. */
    @Column(name = "contacts", nullable = false)
    public String contacts;

    public Instant profileUpdatedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public Placement placement() {
        return Placement.orEmpty(placement);
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }
}
