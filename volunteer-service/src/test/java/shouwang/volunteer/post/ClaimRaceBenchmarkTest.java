package shouwang.volunteer.post;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;

/**
 * Claims per second and latency while many clients race for the places of a few posts, over REST against the real
 * PostgreSQL. Off by default; run with
 * {@code mvn -B -o -pl volunteer-service verify -Dtest=ClaimRaceBenchmarkTest -Dbenchmark=true}
 * (tune with {@code -Dbenchmark.posts=10 -Dbenchmark.capacity=20 -Dbenchmark.claims=1000 -Dbenchmark.threads=16}).
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ClaimRaceBenchmarkTest {

    @Test
    void claimRace() throws Exception {
        int posts = Integer.getInteger("benchmark.posts", 10);
        int capacity = Integer.getInteger("benchmark.capacity", 20);
        int claims = Integer.getInteger("benchmark.claims", 1000);
        int threads = Integer.getInteger("benchmark.threads", 16);
        String token = TestTokens.user("community-worker").communities("BENCH").token();
        List<String> postIds = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            postIds.add(given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("title", "bench " + i, "category", "ELDER_HELP", "communityCode", "BENCH",
                            "capacity", capacity))
                    .post("/api/v1/posts").then().statusCode(201).extract().path("id"));
        }
        // warm-up outside the measurement
        for (int i = 0; i < 20; i++) {
            given().auth().oauth2(token).get("/api/v1/posts/" + postIds.get(0)).then().statusCode(200);
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < claims; i++) {
            String postId = postIds.get(i % posts);
            String phone = String.format("188%08d", i);
            calls.add(() -> {
                long start = System.nanoTime();
                int status = given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(Map.of("volunteerName", "压测", "phone", phone))
                        .post("/api/v1/posts/" + postId + "/claims").statusCode();
                latencies.add(System.nanoTime() - start);
                return status;
            });
        }
        // the same number of plain reads at the same concurrency: what this machine gives any request right now
        List<Long> readLatencies = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Integer>> reads = new ArrayList<>();
        for (int i = 0; i < claims; i++) {
            String postId = postIds.get(i % posts);
            reads.add(() -> {
                long start = System.nanoTime();
                int status = given().auth().oauth2(token).get("/api/v1/posts/" + postId).statusCode();
                readLatencies.add(System.nanoTime() - start);
                return status;
            });
        }
        double readSeconds = run(reads, threads, new ArrayList<>());

        List<Integer> statuses = new ArrayList<>();
        double seconds = run(calls, threads, statuses);
        long accepted = statuses.stream().filter(s -> s == 201).count();
        long refused = statuses.stream().filter(s -> s == 409).count();
        System.out.printf("%nclaim race: %d claims on %d posts x %d places, %d threads (load average %.1f)%n", claims,
                posts, capacity, threads, java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.out.printf("  accepted %d, refused 409 %d, other %d%n", accepted, refused, claims - accepted - refused);
        report("claims", claims / seconds, latencies);
        report("baseline GET /posts/{id}", claims / readSeconds, readLatencies);
        System.out.println();
        assertEquals(Math.min((long) posts * capacity, claims), accepted);
        assertEquals(claims - accepted, refused);
    }

    private static double run(List<Callable<Integer>> calls, int threads, List<Integer> statuses) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        try {
            for (Future<Integer> result : pool.invokeAll(calls)) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private static void report(String what, double perSecond, List<Long> latencies) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("  %s: %.1f/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", what,
                perSecond, percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99),
                sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
