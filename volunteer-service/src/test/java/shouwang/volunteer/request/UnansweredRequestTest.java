package shouwang.volunteer.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TopicProbe;
import shouwang.volunteer.Fixtures;
import shouwang.volunteer.TestClock;

/**
 * A request nobody dispatches within dispatch-within, or nobody accepts within accept-within, becomes a HelpRequested
 * on care-signals, once per step (the scanner runs every second in tests; the clock is moved, not waited for).
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class UnansweredRequestTest {

    static final String COMMUNITY = "SQ951";

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.reset();
    }

    static List<TopicProbe.Received> helpFor(String request, int count) {
        return TopicProbe.events("care-signals", "HelpRequested",
                data -> request.equals(data.path("serviceRequestId").asText()), count, Duration.ofSeconds(30));
    }

    static UUID signal(String request, String stage, int round) {
        return UUID.nameUUIDFromBytes(("service-request/" + request + "/" + stage + "/" + round)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUnansweredRequestEscalatesOncePerStep() {
        String worker = Orders.worker(COMMUNITY);
        UUID cadre = Fixtures.activeCadre(COMMUNITY);
        String volunteer = Orders.volunteer("req-vol-951", COMMUNITY, "13900951001");
        String request = Orders.open(worker, cadre, "HOUSEKEEPING", "大扫除，家里有老人独居");

        TestClock.CLOCK.advance(Duration.ofHours(2).plusMinutes(1));
        List<TopicProbe.Received> first = helpFor(request, 1);
        assertEquals(1, first.size(), first.toString());
        TopicProbe.Received help = first.get(0);
        JsonNode data = help.data();
        assertEquals(cadre.toString(), help.key());
        assertEquals(signal(request, "dispatch", 0).toString(), data.path("signalId").asText());
        assertEquals("HELP_REQUEST", data.path("kind").asText());
        assertEquals("服务工单未派单: 家政", data.path("details").asText());
        assertEquals("volunteer-service", data.path("reportedBy").asText());
        assertEquals("HOUSEKEEPING", data.path("serviceType").asText());
        assertEquals(Set.of("signalId", "cadreId", "kind", "occurredAt", "details", "reportedBy", "serviceType",
                "serviceRequestId"), Fixtures.fields(data));
        assertNotNull(Orders.get(worker, request).statusCode(200).extract().path("escalatedDispatchAt"));

        // dispatched now, then not accepted in time: the acceptance step escalates, and only once as well
        Orders.dispatch(worker, request, "volunteerId", volunteer).statusCode(200);
        TestClock.CLOCK.advance(Duration.ofHours(2).plusMinutes(1));
        List<TopicProbe.Received> both = helpFor(request, 2);
        Set<String> signals = both.stream().map(r -> r.data().path("signalId").asText()).collect(Collectors.toSet());
        assertEquals(Set.of(signal(request, "dispatch", 0).toString(), signal(request, "accept", 0).toString()),
                signals);
        assertEquals(2, both.stream().map(TopicProbe.Received::id).distinct().count(), both.toString());
        assertEquals("服务工单未接单: 家政", both.stream().filter(r -> r.data().path("signalId").asText()
                .equals(signal(request, "accept", 0).toString())).findFirst().orElseThrow().data().path("details")
                .asText());

        // accepted: nothing more, however long it then takes
        Orders.post(Orders.volunteerToken("req-vol-951", COMMUNITY), request, "accept", null).statusCode(200);
        TestClock.CLOCK.advance(Duration.ofHours(5));
        String later = Orders.open(worker, cadre, "REPAIR", "另一单");
        TestClock.CLOCK.advance(Duration.ofHours(3));
        // the later request escalating shows scans ran after the acceptance
        assertEquals(1, helpFor(later, 1).size());
        assertEquals(2, helpFor(request, 2).size());
    }
}
