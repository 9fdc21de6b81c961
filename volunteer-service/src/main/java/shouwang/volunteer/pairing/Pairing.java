package shouwang.volunteer.pairing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import shouwang.kit.security.Placement;

/** 结对帮扶: a volunteer who keeps in touch with a cadre who needs help, at a contact cadence. */
@Entity
@Table(name = "pairing")
public class Pairing extends PanacheEntityBase {

    // named for the API document: every entity has its own Status, which would otherwise be Status, Status1, …
    @Schema(name = "PairingStatus")
    public enum Status { ACTIVE, ENDED }

    @Id
    public UUID id;
    public UUID cadreId;
    public UUID volunteerId;
    /** The helped cadre's placement (it follows the cadre), for scope checks. */
    @Embedded
    public Placement placement;
    /** ISO-8601 duration, e.g. P7D. */
    public String cadence;
    public LocalDate startedOn;
    @Enumerated(EnumType.STRING)
    public Status status;
    public LocalDate endedOn;
    public String endReason;
    public String note;
    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;

    public Placement placement() {
        return Placement.orEmpty(placement);
    }
}
