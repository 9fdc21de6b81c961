package shouwang.visit.logbook;

import java.time.Instant;
import java.util.UUID;

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
    public UUID cadreId;
    public Instant visitedAt;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    public Layer layer;
    public String visitorName;
    public UUID taskId;
    public String notes;
    public boolean contacted;
    @Enumerated(EnumType.STRING)
    public NotContactedReason notContactedReason;
    @Enumerated(EnumType.STRING)
    public HealthStatus healthStatus;
    public String healthNotes;
    @Enumerated(EnumType.STRING)
    public shouwang.visit.Purpose purpose;
    public String recordedBy;
    public Instant createdAt;
    public Instant updatedAt;
    /** 两老同住, on the named cadre's record: comma-separated ids of the visits logged with it for the household. */
    public String householdVisitIds = "";
    /** 两老同住, on a member's record: the named cadre's visit it was logged with; null otherwise. */
    public UUID householdOf;

    public java.util.List<UUID> householdVisits() {
        return householdVisitIds == null || householdVisitIds.isBlank() ? java.util.List.of()
                : java.util.Arrays.stream(householdVisitIds.split(",")).map(UUID::fromString).toList();
    }
}
