package shouwang.visit.logbook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import shouwang.visit.Channel;
import shouwang.visit.Layer;
import shouwang.visit.PlacedEntity;

/** 走访记录: one contact (or attempt) with a cadre, by one layer; placed where the cadre was when it was logged. */
@Entity
@Table(name = "visit")
public class Visit extends PlacedEntity {

    @Id
    public UUID id;
    @Column(name = "cadre_id")
    public UUID cadreId;
    @Column(name = "visited_at")
    public Instant visitedAt;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    public Layer layer;
    @Column(name = "visitor_name")
    public String visitorName;
    @Column(name = "task_id")
    public UUID taskId;
    public String notes;
    public boolean contacted;
    @Enumerated(EnumType.STRING)
    @Column(name = "not_contacted_reason")
    public NotContactedReason notContactedReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "health_status")
    public HealthStatus healthStatus;
    @Column(name = "health_notes")
    public String healthNotes;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
