package shouwang.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import shouwang.e2e.Platform.Service;
import shouwang.kit.testing.KafkaBrokerResource;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;

/**
 * 不漏一人 under faults. A stream of care signals, half over REST (a client that retries with the same signalId until
 * it is answered) and half as partner events on care-signals, while alert-service and visit-service are killed with
 * SIGKILL and restarted and the Kafka broker is restarted. Afterwards, seen from outside (REST and topics only):
 * every signal has exactly one alert, every alert exactly one UNIT and one COMMUNITY task, nothing was
 * dead-lettered, and the figures are printed. Size: {@code -Dchaos.signals=N} (default 60, a few minutes in CI).
 */
class ChaosIT {

    private static final List<String> KINDS = List.of("HARDSHIP", "WORRY", "FAMILY_CONFLICT", "BENEFITS_NOT_HONOURED");
    private static final Map<String, String> EVENT_OF = Map.of("HARDSHIP", "HardshipReported", "WORRY",
            "WorryReported", "FAMILY_CONFLICT", "FamilyConflictReported", "BENEFITS_NOT_HONOURED",
            "BenefitsNotHonouredReported");

    private final Platform platform = Platform.get();
    private final String admin = TestTokens.districtAdmin();

    @Test
    void noSignalIsLostOrDoubledWhileServicesAndTheBrokerCrash() throws Exception {
        int signals = Integer.getInteger("chaos.signals", 60);
        String[] orgs = Fixtures.orgs(platform);
        List<String> cadres = new ArrayList<>();
        for (int i = 0; i < signals; i++) {
            cadres.add(Fixtures.cadre(platform, orgs, "混沌测试" + i));
        }
        long started = System.nanoTime();
        Map<String, String> kindOf = new ConcurrentHashMap<>();
        int third = signals / 3;
        for (int i = 0; i < signals; i++) {
            String cadreId = cadres.get(i);
            String kind = KINDS.get(i % KINDS.size());
            kindOf.put(cadreId, kind);
            if (i == third) {
                fault(() -> {
                    platform.kill(Service.ALERT);
                    Thread.sleep(5_000);
                    platform.start(Service.ALERT);
                });
            } else if (i == 2 * third) {
                fault(() -> {
                    platform.kill(Service.VISIT);
                    KafkaBrokerResource.stopBroker();
                    Thread.sleep(8_000);
                    KafkaBrokerResource.startBroker();
                    platform.start(Service.VISIT);
                });
            }
            if (i % 2 == 0) {
                postUntilAnswered(cadreId, kind, orgs[2]);
            } else {
                publishWhenBrokerUp(cadreId, kind);
            }
        }

        for (Thread fault : faults) {
            fault.join();
        }
        Map<String, Integer> alerts = new HashMap<>();
        Map<String, List<String>> tasks = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        do {
            for (String cadreId : cadres) {
                alerts.put(cadreId, alertCount(cadreId));
                tasks.put(cadreId, taskLayers(cadreId));
            }
        } while (!settled(alerts, tasks) && System.nanoTime() < deadline && pause());
        double settleSeconds = (System.nanoTime() - started) / 1e9;

        long lost = alerts.values().stream().filter(n -> n == 0).count();
        long doubled = alerts.values().stream().filter(n -> n > 1).count();
        long taskCount = tasks.values().stream().mapToLong(List::size).sum();
        long wrongTasks = tasks.values().stream().filter(l -> !l.equals(List.of("COMMUNITY", "UNIT"))).count();
        Set<String> ours = Set.copyOf(cadres);
        long deadLetters = 0;
        for (String topic : List.of("care-signals.dlq", "alerts.dlq", "visits.dlq", "cadre-profiles.dlq")) {
            deadLetters += TopicProbe.received(topic, r -> ours.contains(r.key()), 1, Duration.ofSeconds(1)).size();
        }
        System.out.printf("CHAOS signals=%d alerts=%d tasks=%d lost=%d doubled=%d wrongTasks=%d deadLetters=%d "
                + "settle=%.1fs%n", signals, alerts.values().stream().mapToInt(Integer::intValue).sum(), taskCount,
                lost, doubled, wrongTasks, deadLetters, settleSeconds);

        assertThat(alerts).as("one alert per signal").allSatisfy((cadre, n) -> assertThat(n).isEqualTo(1));
        assertThat(tasks).as("one UNIT and one COMMUNITY task per alert")
                .allSatisfy((cadre, layers) -> assertThat(layers).containsExactly("COMMUNITY", "UNIT"));
        assertThat(deadLetters).isZero();
    }

    private final List<Thread> faults = new ArrayList<>();

    interface Fault {
        void run() throws Exception;
    }

    /** A fault runs beside the stream of signals: clients keep sending while a service or the broker is down. */
    private void fault(Fault fault) {
        Thread thread = new Thread(() -> {
            try {
                fault.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "chaos-fault");
        faults.add(thread);
        thread.start();
    }

    private static boolean settled(Map<String, Integer> alerts, Map<String, List<String>> tasks) {
        return alerts.values().stream().allMatch(n -> n == 1)
                && tasks.values().stream().allMatch(l -> l.equals(List.of("COMMUNITY", "UNIT")));
    }

    /** A field client: the same signalId until alert-service answers 202 (down, restarting, profile not there yet). */
    private void postUntilAnswered(String cadreId, String kind, String grid) throws InterruptedException {
        Map<String, Object> body = Map.of("signalId", UUID.nameUUIDFromBytes(("chaos-" + cadreId).getBytes()).toString(),
                "cadreId", cadreId, "kind", kind, "occurredAt", OffsetDateTime.now().toString(), "details", "混沌测试");
        String token = TestTokens.user("grid-worker").grids(grid).token();
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < until) {
            try {
                int status = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                        .post(platform.api(Service.ALERT) + "/signals").statusCode();
                if (status == 202) {
                    return;
                }
            } catch (Exception connectionRefused) {
                // alert-service is down: try again, as a phone would
            }
            Thread.sleep(200);
        }
        throw new AssertionError("alert-service never took the signal for " + cadreId);
    }

    /** A partner system: a CloudEvent on care-signals, sent again (same ce_id) until the broker has it. */
    private void publishWhenBrokerUp(String cadreId, String kind) throws InterruptedException {
        String ceId = UUID.randomUUID().toString();
        Map<String, Object> data = Map.of("cadreId", cadreId, "kind", kind, "details", "12345 热线转办");
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            try {
                TopicProbe.publish("care-signals", cadreId, EVENT_OF.get(kind), data, ceId);
                return;
            } catch (RuntimeException brokerDown) {
                if (System.nanoTime() > until) {
                    throw brokerDown;
                }
                Thread.sleep(500);
            }
        }
    }

    private int alertCount(String cadreId) {
        try {
            return given().auth().oauth2(admin).queryParam("cadreId", cadreId)
                    .get(platform.api(Service.ALERT) + "/alerts").then().extract().jsonPath().getInt("total");
        } catch (Exception notYet) {
            return 0;
        }
    }

    private List<String> taskLayers(String cadreId) {
        try {
            JsonPath page = given().auth().oauth2(admin).queryParam("cadreId", cadreId).queryParam("size", 100)
                    .get(platform.api(Service.VISIT) + "/tasks").then().extract().jsonPath();
            return page.<String>getList("items.layer").stream().sorted().collect(Collectors.toList());
        } catch (Exception notYet) {
            return List.of();
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
