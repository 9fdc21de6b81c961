package shouwang.alert.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step in an alert's life: raised, signal joined, acknowledged, task completed or missed, escalated, resolved. */
@Entity
@Table(name = "alert_history")
public class AlertHistory extends PanacheEntityBase {

    public enum Action {
        RAISED, SIGNAL_JOINED, ACKNOWLEDGED, TASK_COMPLETED, TASK_MISSED, ESCALATED, RESOLVED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "alert_id", nullable = false)
    public UUID alertId;

    @Column(name = "at", nullable = false)
    public Instant at;

    @Column(name = "action", nullable = false)
    @Enumerated(EnumType.STRING)
    public Action action;

    @Column(name = "level", nullable = false)
    public int level;

    public String actor;

    public String note;

    public static List<AlertHistory> of(UUID alertId) {
        return list("alertId = ?1 order by id", alertId);
    }
}
