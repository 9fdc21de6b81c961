package shouwang.alert.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import shouwang.alert.signal.SignalKind;
import shouwang.kit.security.Placement;

@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "cadre_id", nullable = false)
    public UUID cadreId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    public SignalKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public AlertStatus status;

    @Column(name = "level", nullable = false)
    public int level;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    @Column(name = "deadline", nullable = false)
    public Instant deadline;

    @Embedded
    public Placement placement;

    /** Layers asked to visit at the current level, comma-separated (UNIT,COMMUNITY). */
    @Column(name = "layers", nullable = false)
    public String layers;

    @Column(name = "policy_version", nullable = false)
    public int policyVersion;

    /** ISO-8601 duration each escalated level gets, fixed when the alert was raised. */
    @Column(name = "escalate_every", nullable = false)
    public String escalateEvery;

    public Instant acknowledgedAt;

    public String acknowledgedBy;

    public Instant resolvedAt;

    public String resolvedBy;

    @Enumerated(EnumType.STRING)
    public Resolution resolution;

    public String resolveReason;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Placement placement() {
        return Placement.orEmpty(placement);
    }

    public List<String> layerList() {
        return layers.isEmpty() ? List.of() : Arrays.asList(layers.split(","));
    }

    public Duration escalationInterval() {
        return Duration.parse(escalateEvery);
    }

    public boolean isResolved() {
        return status == AlertStatus.RESOLVED;
    }

    public static Alert openOf(UUID cadreId, SignalKind kind) {
        return find("cadreId = ?1 and kind = ?2 and status <> ?3", cadreId, kind, AlertStatus.RESOLVED).firstResult();
    }

    /** Row-locked, so events about one alert apply one after the other. */
    public static Alert lockedById(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
