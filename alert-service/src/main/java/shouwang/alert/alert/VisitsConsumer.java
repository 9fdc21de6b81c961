package shouwang.alert.alert;

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

import shouwang.alert.common.Clock;
import shouwang.alert.signal.CareSignal;
import shouwang.alert.signal.SignalInput;
import shouwang.alert.signal.SignalKind;
import shouwang.alert.signal.SignalService;
import shouwang.kit.events.ReceivedEvent;
import shouwang.kit.inbox.EventReceiver;

/**
 * visit-service's events: a completed must-visit task may resolve its alert, a missed one escalates it, and a
 * routine lapse raises a ROUTINE_VISIT_MISSED alert. VisitLogged and MustVisitTaskCreated are not needed here.
 */
@ApplicationScoped
public class VisitsConsumer {

    @Inject
    EventReceiver receiver;

    @Inject
    AlertService alerts;

    @Inject
    SignalService signals;

    @Incoming("visits")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        receiver.receive("alert-service.visits", record, this::apply);
    }

    void apply(ReceivedEvent event) {
        JsonNode data = event.data();
        if (event.is("MustVisitTaskCompleted")) {
            alerts.taskCompleted(uuid(data, "alertId"), level(data), text(data, "layer"), optionalUuid(data, "taskId"),
                    optionalUuid(data, "visitId"), optionalInstant(data, "completedAt"));
        } else if (event.is("VisitMissed")) {
            if ("ROUTINE".equals(text(data, "kind"))) {
                signals.intake(routineLapse(event), profile -> {
                });
            } else if ("MUST_VISIT".equals(text(data, "kind"))) {
                alerts.taskMissed(uuid(data, "alertId"), level(data), text(data, "layer"), optionalUuid(data, "taskId"));
            } else {
                throw new IllegalArgumentException("VisitMissed kind must be MUST_VISIT or ROUTINE");
            }
        }
    }

    /** One routine lapse is one signal, identified by the event it came in. */
    private static SignalInput routineLapse(ReceivedEvent event) {
        JsonNode data = event.data();
        String origin = "visits/" + event.source() + "/" + event.id();
        String days = data.hasNonNull("daysOverdue") ? data.get("daysOverdue").asText() : "?";
        String details = "例行走访逾期 " + days + " 天 (" + text(data, "layer") + " " + text(data, "orgCode") + ")";
        Instant detectedAt = optionalInstant(data, "detectedAt");
        return new SignalInput(UUID.nameUUIDFromBytes(origin.getBytes(StandardCharsets.UTF_8)), uuid(data, "cadreId"),
                SignalKind.ROUTINE_VISIT_MISSED, detectedAt == null ? Clock.now() : detectedAt, details,
                AlertService.VISIT_SERVICE, CareSignal.Channel.PLATFORM);
    }

    private static UUID uuid(JsonNode data, String field) {
        UUID value = optionalUuid(data, field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    private static UUID optionalUuid(JsonNode data, String field) {
        return data != null && data.hasNonNull(field) ? UUID.fromString(data.get(field).asText()) : null;
    }

    private static int level(JsonNode data) {
        if (data == null || !data.hasNonNull("level") || !data.get("level").canConvertToInt()) {
            throw new IllegalArgumentException("level is missing");
        }
        return data.get("level").asInt();
    }

    private static String text(JsonNode data, String field) {
        return data != null && data.hasNonNull(field) ? data.get(field).asText() : null;
    }

    private static Instant optionalInstant(JsonNode data, String field) {
        if (data == null || !data.hasNonNull(field)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(data.get(field).asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO-8601 instant", e);
        }
    }
}
