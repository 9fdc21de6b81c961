package shouwang.alert.signal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "care_signal")
public class CareSignal extends PanacheEntityBase {

    /** How a signal reached this service. */
    public enum Channel {
        REST, KAFKA, PLATFORM
    }

    @Id
    public UUID signalId;

    @Column(name = "cadre_id", nullable = false)
    public UUID cadreId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    public SignalKind kind;

    public Instant occurredAt;

    public String details;

    public String reportedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false)
    public Channel channel;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public SignalStatus status;

    /** The service request (volunteer-service) an unanswered order's help request is about, else null. */
    @Column(name = "service_request_id")
    public UUID serviceRequestId;

    /** The service a help request asks for (a volunteer-service service type code), else null. */
    @Column(name = "service_type")
    public String serviceType;

    /** The alert it raised or joined; for a pending signal, the id reserved for the alert it will raise or join. */
    public UUID alertId;

    /** Records where the signal went. */
    void placed(Alerting.Placed placed) {
        alertId = placed.alertId();
        status = placed.joined() ? SignalStatus.JOINED : SignalStatus.RAISED;
    }

    Alerting.Signal forAlerting() {
        return new Alerting.Signal(signalId, cadreId, kind, reportedBy, alertId, details, serviceRequestId,
                serviceType);
    }

    /** The signals waiting for these cadres' profiles, oldest first. */
    public static List<CareSignal> pendingFor(List<UUID> cadreIds) {
        return list("cadreId in ?1 and status = ?2 order by receivedAt, signalId", cadreIds,
                SignalStatus.PENDING_PROFILE);
    }

    /** The signals an alert is made of (raised or joined), oldest first. */
    public static List<CareSignal> ofAlerts(List<UUID> alertIds) {
        return list("alertId in ?1 and status in ?2 order by receivedAt, signalId", alertIds,
                List.of(SignalStatus.RAISED, SignalStatus.JOINED));
    }
}
