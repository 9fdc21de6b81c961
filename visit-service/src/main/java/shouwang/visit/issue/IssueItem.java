package shouwang.visit.issue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import shouwang.visit.PlacedEntity;

/** 问题清单 item: a need raised during a visit, owned by an org until it is resolved; placed where the visit was. */
@Entity
@Table(name = "issue_item")
public class IssueItem extends PlacedEntity {

    public enum Status {
        OPEN, RESOLVED
    }

    @Id
    public UUID id;
    @Column(name = "visit_id")
    public UUID visitId;
    @Column(name = "cadre_id")
    public UUID cadreId;
    public String description;
    public String category;
    @Column(name = "owner_org_code")
    public String ownerOrgCode;
    @Column(name = "owner_name")
    public String ownerName;
    public LocalDate deadline;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String resolution;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "resolved_by")
    public String resolvedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
