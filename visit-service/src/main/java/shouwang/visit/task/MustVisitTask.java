package shouwang.visit.task;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import shouwang.visit.Layer;
import shouwang.visit.Purpose;
import shouwang.visit.PlacedEntity;

/**
 * 必访任务: one layer's duty to visit a cadre for one alert at one escalation level, by a deadline. Placed where the
 * cadre is (before its profile arrived, by the alert's org codes). A task without an alert (alertId null, level 0)
 * has a purpose and a reason instead: 送学上门 for a study session missed, a routine visit after activity absences.
 */
@Entity
@Table(name = "must_visit_task")
public class MustVisitTask extends PlacedEntity {

    @Id
    public UUID id;
    public UUID cadreId;
    public UUID alertId;
    public String kind;
    public int level;
    @Enumerated(EnumType.STRING)
    public Layer layer;
    public String orgCode;
    public String orgName;
    public String assigneeRole;
    public String assigneeName;
    public String assigneePhone;
    @Enumerated(EnumType.STRING)
    public Purpose purpose = Purpose.MUST_VISIT;
    @Enumerated(EnumType.STRING)
    public TaskStatus status;
    public Instant deadline;
    public UUID visitId;
    public Instant createdAt;
    public Instant completedAt;
    public Instant missedAt;
    public Instant cancelledAt;
    public String cancelReason;
    public Instant updatedAt;
    /** Why a task without an alert exists (ROUTINE: {@code ACTIVITY_ABSENCE}); null for an alert's task. */
    public String reason;
    /** The study session a 送学上门 task delivers. */
    public UUID studySessionId;
    /** The activity an ACTIVITY_ABSENCE task follows up. */
    public UUID activityId;

    /** A task made from an alert (its ladder), not a 送学上门 or activity-absence duty. */
    public boolean hasAlert() {
        return alertId != null;
    }
}
