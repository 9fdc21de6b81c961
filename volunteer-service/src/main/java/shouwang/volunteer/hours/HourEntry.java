package shouwang.volunteer.hours;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One line of a volunteer's time bank ledger (hours, never money); never changed once written. */
@Entity
@Table(name = "hour_entry")
public class HourEntry extends PanacheEntityBase {

    public enum Kind {
        /** verified service */
        EARNED,
        /** services for oneself or family */
        SPENT,
        /** given to an eligible elder (孤寡 or 失独) */
        DONATED,
        /** the elder's side of a donation */
        RECEIVED;

        boolean credits() {
            return this == EARNED || this == RECEIVED;
        }
    }

    public enum Beneficiary { SELF, FAMILY }

    @Id
    public UUID id;
    public UUID volunteerId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public BigDecimal hours;
    public BigDecimal balanceAfter;
    public UUID serviceRecordId;
    /** DONATED: the recipient's volunteer id; RECEIVED: the donor's. */
    public UUID counterpartId;
    @Enumerated(EnumType.STRING)
    public Beneficiary beneficiary;
    public String note;
    public String recordedBy;
    public Instant recordedAt;
}
