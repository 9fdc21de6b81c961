package shouwang.alert.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import shouwang.kit.events.CloudEvents;
import shouwang.kit.testing.TopicProbe;

/** The care-signals event types, without the application: one per reportable kind, all with today's data. */
class CareSignalEventsTest {

    private static SignalReport report(SignalKind kind) {
        return new SignalReport(UUID.fromString("5b1b6c1e-0000-4000-8000-000000000001"),
                UUID.fromString("6f1b6c1e-0000-4000-8000-000000000002"), kind, Instant.parse("2026-11-22T07:30:00Z"),
                "市一院心内科住院", "grid-worker", null, null);
    }

    @Test
    void everyReportableKindHasItsEventTypeAndNoOther() {
        for (SignalKind kind : SignalKind.values()) {
            if (kind.reportable()) {
                Object event = CareSignalEvents.of(report(kind));
                assertEquals(kind.eventName(), CloudEvents.nameOf(event.getClass()), kind.name());
                assertEquals(kind, SignalKind.ofEventName(kind.eventName()).orElseThrow());
            } else {
                assertThrows(IllegalArgumentException.class, () -> CareSignalEvents.of(report(kind)));
            }
        }
        assertEquals(9, SignalKind.eventNames().size());
    }

    @Test
    void theEventDataIsTheReportItselfAsBefore() throws Exception {
        JsonNode data = TopicProbe.JSON.readTree(
                TopicProbe.JSON.writeValueAsString(CareSignalEvents.of(report(SignalKind.HOSPITALISATION))));
        assertEquals(TopicProbe.JSON.readTree("{\"signalId\":\"5b1b6c1e-0000-4000-8000-000000000001\","
                + "\"cadreId\":\"6f1b6c1e-0000-4000-8000-000000000002\",\"kind\":\"HOSPITALISATION\","
                + "\"occurredAt\":\"2026-11-22T07:30:00Z\",\"details\":\"市一院心内科住院\",\"reportedBy\":\"grid-worker\"}"),
                data);
    }
}
