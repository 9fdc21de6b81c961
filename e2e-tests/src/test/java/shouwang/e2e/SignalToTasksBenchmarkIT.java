package shouwang.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.restassured.http.ContentType;

import shouwang.e2e.Platform.Service;
import shouwang.kit.testing.Latency;
import shouwang.kit.testing.TestTokens;

/**
 * End-to-end latency from {@code POST /signals} (alert-service) to both must-visit tasks being readable from
 * {@code GET /tasks} (visit-service), over real Kafka, next to bare Kafka produce→consume latency in the same run.
 * A benchmark, not a test:
 * {@code mvn -B verify -pl e2e-tests -am -DskipTests -Dskip.unit=true -Dbenchmark=true -Dit.test=SignalToTasksBenchmarkIT}
 * (or {@code -Dbenchmark.signals=200} for a shorter run).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class SignalToTasksBenchmarkIT {

    private static final int SIGNALS = Integer.getInteger("benchmark.signals", 1000);

    @Test
    void signalToBothTasksReadable() throws Exception {
        Platform platform = Platform.get();
        String admin = Fixtures.admin();
        String[] orgs = Fixtures.orgs(platform);
        List<String> cadres = importCadres(platform, admin, orgs, SIGNALS);

        List<Long> endToEnd = new ArrayList<>();
        for (String cadreId : cadres) {
            Map<String, Object> body = Map.of("signalId", UUID.randomUUID().toString(), "cadreId", cadreId,
                    "kind", "HOSPITALISATION", "occurredAt", OffsetDateTime.now().toString(), "details", "benchmark");
            // 422 means the profile has not reached alert-service yet: retried, and the clock restarts
            long started;
            int status;
            do {
                started = System.nanoTime();
                status = given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                        .post(platform.api(Service.ALERT) + "/signals").statusCode();
                if (status == 422) {
                    Thread.sleep(50);
                }
            } while (status == 422);
            if (status != 202) {
                throw new IllegalStateException("POST /signals answered " + status);
            }
            while (taskCount(platform, admin, cadreId) < 2) {
                if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(30)) {
                    throw new IllegalStateException("tasks for " + cadreId + " not readable within 30 s");
                }
                Thread.sleep(1);
            }
            endToEnd.add(System.nanoTime() - started);
        }

        List<Long> bare = Latency.bareKafkaRoundTrips(platform.kafkaBootstrapServers(), "e2e-bench-baseline", SIGNALS);
        System.out.printf("%nSIGNAL → BOTH TASKS READABLE (%d signals, sequential, REST in, REST out): %s%n", SIGNALS,
                Latency.summary(endToEnd));
        System.out.printf("BARE KAFKA produce→consume (%d records, same broker): %s%n%n", SIGNALS, Latency.summary(bare));
    }

    private static List<String> importCadres(Platform platform, String admin, String[] orgs, int count) {
        StringBuilder csv = new StringBuilder(
                "name,gender,birthDate,idNumber,retirementType,rank,partyMember,unitCode,communityCode,gridCode,livingArrangement,selfCare,specialCategories,phone\n");
        LocalDate birth = LocalDate.of(1930, 1, 1);
        for (int i = 0; i < count; i++) {
            LocalDate date = birth.plusDays(i * 7L);
            csv.append("压测").append(i).append(",MALE,").append(date).append(',').append(Fixtures.idNumber(date, true))
                    .append(",TUIXIU,OTHER,false,").append(orgs[0]).append(',').append(orgs[1]).append(',').append(orgs[2])
                    .append(",WITH_FAMILY,FULL,,13800000000\n");
        }
        String importId = given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8").body(csv.toString())
                .post(platform.api(Service.REGISTRY) + "/imports/cadres").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> "DONE".equals(given()
                .auth().oauth2(admin).get(platform.api(Service.REGISTRY) + "/imports/" + importId).path("status")));
        List<String> ids = new ArrayList<>();
        for (int page = 0; ids.size() < count; page++) {
            List<String> items = given().auth().oauth2(admin).queryParam("communityCode", orgs[1])
                    .queryParam("page", page).queryParam("size", 500)
                    .get(platform.api(Service.REGISTRY) + "/cadres").then().statusCode(200).extract().jsonPath()
                    .getList("items.id");
            if (items.isEmpty()) {
                break;
            }
            ids.addAll(items);
        }
        if (ids.size() != count) {
            throw new IllegalStateException("imported " + ids.size() + " of " + count + " cadres");
        }
        return ids;
    }

    private static int taskCount(Platform platform, String admin, String cadreId) {
        return given().auth().oauth2(admin).queryParam("cadreId", cadreId)
                .get(platform.api(Service.VISIT) + "/tasks").then().statusCode(200).extract().path("total");
    }

}
