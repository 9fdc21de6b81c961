package shouwang.kit.mechanics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.health.Workers;
import shouwang.kit.testing.PlatformTestProfile;

/**
 * A background worker whose thread dies of an Error takes liveness and readiness down (so the service is restarted),
 * instead of the service answering UP with nothing relayed or scanned.
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class WorkersHealthTest {

    @Inject
    Workers workers;

    @Test
    void aWorkerKilledByOutOfMemoryTakesLivenessAndReadinessDown() throws InterruptedException {
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'background-workers' }.data.outbox-relay", equalTo("running"));
        Workers.Worker worker = workers.register("test-scanner", Duration.ofMinutes(1));
        Thread thread = new Thread(() -> Workers.guard(worker, () -> {
            throw new OutOfMemoryError("Java heap space (simulated)");
        }));
        thread.setUncaughtExceptionHandler((t, e) -> { });
        thread.start();
        thread.join();
        try {
            for (String probe : new String[] { "/q/health/live", "/q/health/ready" }) {
                given().get(probe).then().statusCode(503).body("status", equalTo("DOWN"))
                        .body("checks.find { it.name == 'background-workers' }.data.test-scanner",
                                startsWith("died: java.lang.OutOfMemoryError"));
            }
        } finally {
            workers.retire("test-scanner");
        }
        given().get("/q/health/live").then().statusCode(200).body("checks.name", hasItem("background-workers"));
    }

    @Test
    void aWorkerSilentLongerThanItMayIsReportedDown() {
        workers.register("test-silent", Duration.ofMillis(1));
        try {
            given().get("/q/health/live").then().statusCode(503)
                    .body("checks.find { it.name == 'background-workers' }.data.test-silent", startsWith("silent"));
        } finally {
            workers.retire("test-silent");
        }
    }
}
