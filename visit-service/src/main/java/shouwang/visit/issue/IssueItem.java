package shouwang.visit.issue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import shouwang.visit.PlacedEntity;

/** 问题清单 item: a need raised during a visit, owned by an org until it is resolved; placed where the visit was. */
@Entity
@Table(name = "issue_item")
public class IssueItem extends PlacedEntity {

    // named for the API document: every entity has its own Status, which would otherwise be Status, Status1, …
    @Schema(name = "IssueStatus")
    public enum Status {
        /** CLOSED: the cadre died; nothing is left to do (resolution {@code CADRE_DECEASED}). */
        OPEN, RESOLVED, CLOSED
    }

    @Id
    public UUID id;
    public UUID visitId;
    public UUID cadreId;
    public String description;
    public String category;
    public String ownerOrgCode;
    public String ownerName;
    public LocalDate deadline;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String resolution;
    public Instant resolvedAt;
    public String resolvedBy;
    public Instant createdAt;
    public Instant updatedAt;
}
