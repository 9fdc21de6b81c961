package shouwang.alert.escalation;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import shouwang.alert.signal.CareSignal;
import shouwang.alert.signal.SignalInput;
import shouwang.alert.signal.SignalKind;
import shouwang.alert.signal.SignalService;
import shouwang.kit.clock.Clock;
import shouwang.kit.events.Envelope;
import shouwang.kit.inbox.EventHandlers;
import shouwang.kit.inbox.EventReceiver;
import shouwang.kit.security.Caller;

/**
 * visit-service's events: a completed must-visit task may resolve its alert, a missed one escalates it, a routine
 * lapse is a signal that raises a ROUTINE_VISIT_MISSED alert, and a cadre not reached in an emergency check-in round
 * one that raises an EMERGENCY_UNREACHED alert. Other types (VisitLogged,
 * MustVisitTaskCreated) are not needed here.
 */
@ApplicationScoped
public class VisitsConsumer {

    private static final Caller PLATFORM = Caller.platform("visits");

    @Inject
    EventReceiver receiver;

    @Inject
    AlertService alerts;

    @Inject
    SignalService signals;

    @Inject
    Clock clock;

    private final EventHandlers handlers = EventHandlers.of("alert-service.visits")
            .on(MustVisitTaskCompleted.class, this::completed)
            .onWithEnvelope(VisitMissed.class, this::missed);

    @Incoming("visits")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        receiver.receive(handlers, record);
    }

    /** A task of no alert (送学上门, an activity-absence visit) is visit-service's own business. */
    void completed(MustVisitTaskCompleted task) {
        if (task.alertId() == null) {
            return;
        }
        alerts.taskCompleted(task.alertId(), required(task.level(), "level"), required(task.layer(), "layer"),
                task.taskId(), task.visitId(), task.completedAt());
    }

    /**
     * A routine lapse (no task) raises; a routine task of no alert that passed its deadline (an activity-absence
     * visit) and a missed study delivery are visit-service's own worklist items and raise nothing here.
     */
    void missed(VisitMissed missed, Envelope envelope) {
        if (VisitMissed.STUDY_DELIVERY.equals(missed.kind())
                || VisitMissed.ROUTINE.equals(missed.kind()) && missed.taskId() != null && missed.alertId() == null) {
            return;
        }
        if (VisitMissed.ROUTINE.equals(missed.kind())) {
            signals.intake(routineLapse(missed, envelope), PLATFORM);
        } else if (VisitMissed.MUST_VISIT.equals(missed.kind())) {
            alerts.taskMissed(required(missed.alertId(), "alertId"), required(missed.level(), "level"),
                    missed.layer(), missed.taskId());
        } else if (VisitMissed.EMERGENCY_CHECK.equals(missed.kind())) {
            signals.intake(emergencyMiss(missed), PLATFORM);
        } else {
            throw new IllegalArgumentException("VisitMissed kind must be MUST_VISIT, ROUTINE or EMERGENCY_CHECK");
        }
    }

    /**
     * One cadre not reached in one emergency round on one day is one signal, whatever event carried it, so a
     * redelivery or a second report of the same day never raises twice (a later day joins the open alert).
     */
    private SignalInput emergencyMiss(VisitMissed missed) {
        UUID cadreId = required(missed.cadreId(), "cadreId");
        String origin = "emergency/" + required(missed.campaignId(), "campaignId") + "/" + cadreId + "/"
                + required(missed.on(), "on");
        String details = "战时联系未联系上 " + missed.on() + " (campaign " + missed.campaignId() + ")";
        return new SignalInput(UUID.nameUUIDFromBytes(origin.getBytes(StandardCharsets.UTF_8)), cadreId,
                SignalKind.EMERGENCY_UNREACHED, missed.detectedAt() == null ? clock.now() : missed.detectedAt(), details,
                AlertService.VISIT_SERVICE, CareSignal.Channel.PLATFORM);
    }

    /** One routine lapse is one signal, identified by the event it came in. */
    private SignalInput routineLapse(VisitMissed missed, Envelope envelope) {
        String origin = "visits/" + envelope.source() + "/" + envelope.id();
        String days = missed.daysOverdue() == null ? "?" : missed.daysOverdue().toString();
        String details = "例行走访逾期 " + days + " 天 (" + missed.layer() + " " + missed.orgCode() + ")";
        return new SignalInput(UUID.nameUUIDFromBytes(origin.getBytes(StandardCharsets.UTF_8)),
                required(missed.cadreId(), "cadreId"), SignalKind.ROUTINE_VISIT_MISSED,
                missed.detectedAt() == null ? clock.now() : missed.detectedAt(), details, AlertService.VISIT_SERVICE,
                CareSignal.Channel.PLATFORM);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }
}
