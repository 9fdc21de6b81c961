package shouwang.alert.signal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import shouwang.kit.events.Envelope;
import shouwang.kit.inbox.EventHandlers;
import shouwang.kit.inbox.EventReceiver;
import shouwang.kit.security.Caller;

/**
 * Partner systems' signals (and this service's own REST intake, which it already applied: the signal id makes that
 * a no-op). The kind comes from the event name; a {@code kind} in the data that contradicts it, or an event type that
 * is no signal kind, is a poison record. A signal without {@code signalId} gets one derived from its
 * {@code ce_source} and {@code ce_id}.
 */
@ApplicationScoped
public class CareSignalsConsumer {

    private static final Caller PARTNERS = Caller.platform("care-signals");

    @Inject
    EventReceiver receiver;

    @Inject
    SignalService service;

    private final EventHandlers handlers = EventHandlers.of("alert-service.care-signals")
            .onNamed(SignalKind.eventNames(), SignalReport.class,
                    (report, envelope) -> service.intake(toInput(report, envelope), PARTNERS))
            .onAnyWithEnvelope(Object.class, CareSignalsConsumer::unknownType);

    @Incoming("care-signals")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        receiver.receive(handlers, record);
    }

    static SignalInput toInput(SignalReport report, Envelope envelope) {
        SignalKind kind = SignalKind.ofEventName(envelope.name()).orElseThrow();
        if (report.kind() != null && report.kind() != kind) {
            throw new IllegalArgumentException("kind " + report.kind() + " contradicts type " + envelope.type());
        }
        UUID signalId = report.signalId();
        if (signalId == null) {
            String origin = (envelope.source() == null ? "" : envelope.source()) + "/" + envelope.id();
            signalId = UUID.nameUUIDFromBytes(origin.getBytes(StandardCharsets.UTF_8));
        }
        Instant occurredAt = report.occurredAt() != null ? report.occurredAt()
                : envelope.time() == null ? null : envelope.time().toInstant();
        return new SignalInput(signalId, report.cadreId(), kind, occurredAt, report.details(),
                report.reportedBy() != null ? report.reportedBy() : envelope.source(), CareSignal.Channel.KAFKA,
                report.serviceRequestId(), ServiceType.codeOf(report.serviceType()));
    }

    private static void unknownType(Object data, Envelope envelope) {
        throw new IllegalArgumentException("unknown care signal type " + envelope.type());
    }
}
