package shouwang.visit.task;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import shouwang.visit.Layer;
import shouwang.visit.PlacedEntity;

/**
 * 必访任务: one layer's duty to visit a cadre for one alert at one escalation level, by a deadline. Placed where the
 * cadre is (before its profile arrived, by the alert's org codes).
 */
@Entity
@Table(name = "must_visit_task")
public class MustVisitTask extends PlacedEntity {

    @Id
    public UUID id;
    @Column(name = "cadre_id")
    public UUID cadreId;
    @Column(name = "alert_id")
    public UUID alertId;
    public String kind;
    public int level;
    @Enumerated(EnumType.STRING)
    public Layer layer;
    @Column(name = "org_code")
    public String orgCode;
    @Enumerated(EnumType.STRING)
    public TaskStatus status;
    public Instant deadline;
    @Column(name = "visit_id")
    public UUID visitId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "missed_at")
    public Instant missedAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
