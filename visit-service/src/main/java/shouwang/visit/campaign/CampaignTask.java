package shouwang.visit.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import shouwang.visit.PlacedEntity;

/** One greeting to make: a layer greets a cadre between {@code openFrom} and {@code dueOn}. */
@Entity
@Table(name = "campaign_task")
public class CampaignTask extends PlacedEntity {

    @Id
    public UUID id;
    public UUID campaignId;
    public UUID cadreId;
    public String layer;
    public String orgCode;
    public LocalDate openFrom;
    public LocalDate dueOn;
    /** OPEN, DONE or CANCELLED. */
    public String status;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public shouwang.visit.Purpose purpose;
    public UUID visitId;
    public Instant completedAt;
    public Instant updatedAt;
}
