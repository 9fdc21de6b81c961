package shouwang.visit.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
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
    @Column(name = "campaign_id")
    public UUID campaignId;
    @Column(name = "cadre_id")
    public UUID cadreId;
    public String layer;
    @Column(name = "org_code")
    public String orgCode;
    @Column(name = "open_from")
    public LocalDate openFrom;
    @Column(name = "due_on")
    public LocalDate dueOn;
    /** OPEN, DONE or CANCELLED. */
    public String status;
    @Column(name = "visit_id")
    public UUID visitId;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
