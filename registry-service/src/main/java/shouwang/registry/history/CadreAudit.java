package shouwang.registry.history;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One line of a cadre's history: a change (with its field diff) or a read of the unmasked ID card number. */
@Entity
@Table(name = "cadre_audit")
public class CadreAudit extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID cadreId;
    public Long version;
    public String action;
    public String actor;
    public String source;
    @Column(name = "at")
    public Instant recordedAt;
    /** JSON: {@code {"field":{"from":..,"to":..}}}. */
    public String changes;
}
