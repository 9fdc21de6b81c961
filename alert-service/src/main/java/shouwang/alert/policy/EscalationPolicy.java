package shouwang.alert.policy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One version of the escalation policy; versions are only ever added. */
@Entity
@Table(name = "escalation_policy")
public class EscalationPolicy extends PanacheEntityBase {

    @Id
    public int version;

    /** JSON object: kind → {"deadline":"PT24H","escalateEvery":"PT24H"}. */
    @Column(name = "kinds", nullable = false)
    public String kinds;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    public static EscalationPolicy latest() {
        return find("order by version desc").firstResult();
    }
}
