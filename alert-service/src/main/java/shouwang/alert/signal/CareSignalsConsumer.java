package shouwang.alert.signal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.reactive.messaging.annotations.Blocking;

import shouwang.kit.events.ReceivedEvent;
import shouwang.kit.inbox.EventReceiver;

/**
 * Partner systems' signals (and this service's own REST intake, which it already applied: the signal id makes that
 * a no-op). A signal without {@code signalId} gets one derived from its {@code ce_source} and {@code ce_id}.
 */
@ApplicationScoped
public class CareSignalsConsumer {

    @Inject
    EventReceiver receiver;

    @Inject
    SignalService service;

    @Incoming("care-signals")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        receiver.receive("alert-service.care-signals", record, event -> service.intake(toInput(event), profile -> {
        }));
    }

    static SignalInput toInput(ReceivedEvent event) {
        SignalKind byType = SignalKind.ofEventName(event.name())
                .orElseThrow(() -> new IllegalArgumentException("unknown care signal type " + event.type()));
        JsonNode data = event.data();
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("data is not a JSON object");
        }
        SignalKind kind = byType;
        if (data.hasNonNull("kind") && !data.get("kind").asText().equals(byType.name())) {
            throw new IllegalArgumentException("kind " + data.get("kind").asText() + " contradicts type " + event.type());
        }
        UUID cadreId = uuid(data, "cadreId");
        if (cadreId == null) {
            throw new IllegalArgumentException("cadreId is missing");
        }
        UUID signalId = uuid(data, "signalId");
        if (signalId == null) {
            String origin = (event.source() == null ? "" : event.source()) + "/" + event.id();
            signalId = UUID.nameUUIDFromBytes(origin.getBytes(StandardCharsets.UTF_8));
        }
        Instant occurredAt = data.hasNonNull("occurredAt") ? instant(data, "occurredAt")
                : event.time() == null ? null : event.time().toInstant();
        String details = text(data, "details");
        if (details != null && details.length() > SignalRequest.MAX_DETAILS) {
            throw new IllegalArgumentException("details longer than " + SignalRequest.MAX_DETAILS + " characters");
        }
        return new SignalInput(signalId, cadreId, kind, occurredAt, details,
                data.hasNonNull("reportedBy") ? text(data, "reportedBy") : event.source(), CareSignal.Channel.KAFKA);
    }

    private static UUID uuid(JsonNode data, String field) {
        return data.hasNonNull(field) ? UUID.fromString(data.get(field).asText()) : null;
    }

    private static Instant instant(JsonNode data, String field) {
        try {
            return OffsetDateTime.parse(data.get(field).asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO-8601 instant", e);
        }
    }

    private static String text(JsonNode data, String field) {
        return data.hasNonNull(field) ? data.get(field).asText() : null;
    }
}
