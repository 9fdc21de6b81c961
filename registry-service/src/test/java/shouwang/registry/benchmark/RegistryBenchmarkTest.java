package shouwang.registry.benchmark;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import shouwang.kit.testing.TestTokens;
import shouwang.registry.GeneratedCadres;
import shouwang.registry.RegistryTestProfile;
import shouwang.registry.TestData;

/**
 * Figures, not assertions on speed: import of 101,220 generated rows (the seed district × 60), a re-import of the
 * same file, then the latency of statistics and of the 80+ roster over that many cadres. Run with
 * {@code mvn -B -o -pl registry-service verify -Dbenchmark=true -Dtest=RegistryBenchmarkTest}.
 */
@QuarkusTest
@TestProfile(RegistryTestProfile.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class RegistryBenchmarkTest {

    @Inject
    DataSource dataSource;

    @Test
    void importStatisticsAndRosterAtOneHundredThousandCadres() throws Exception {
        String p = TestData.district();
        String admin = TestTokens.districtAdmin();
        GeneratedCadres.Marginals marginals = GeneratedCadres.Marginals.SEED.times(60);
        byte[] csv = GeneratedCadres.csv(marginals, LocalDate.of(2019, 12, 31), p + "-DW", "320106", p + "-SQ1", p + "-SQ2")
                .getBytes(StandardCharsets.UTF_8);
        System.out.printf("%n=== registry-service benchmark: %,d rows, %.1f MB CSV, %d cores ===%n", marginals.total(),
                csv.length / 1e6, Runtime.getRuntime().availableProcessors());

        long start = System.nanoTime();
        JsonPath status = TestData.importAndWait(admin, "text/csv", csv);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(marginals.total(), status.getInt("accepted"), status.prettify());
        System.out.printf("import (new cadres):       %,d rows in %.1f s = %,.0f rows/s (upload to DONE)%n",
                marginals.total(), seconds, marginals.total() / seconds);
        printJobTime(status);
        long relayStart = System.nanoTime();
        while (unpublished() > 0) {
            Thread.sleep(200);
        }
        System.out.printf("  outbox drained to Kafka %.1f s after the import finished%n", (System.nanoTime() - relayStart) / 1e9);

        start = System.nanoTime();
        status = TestData.importAndWait(admin, "text/csv", csv);
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("re-import (same file):     %,d rows in %.1f s = %,.0f rows/s (upload to DONE)%n",
                marginals.total(), seconds, marginals.total() / seconds);
        printJobTime(status);

        report("statistics, whole district", () -> given().auth().oauth2(admin).queryParam("asOf", "2019-12-31")
                .get("/api/v1/statistics/cadres").then().statusCode(200).extract().path("total"));
        report("statistics, one community", () -> given().auth().oauth2(admin).queryParam("asOf", "2019-12-31")
                .queryParam("communityCode", p + "-SQ1").get("/api/v1/statistics/cadres").then().statusCode(200)
                .extract().path("total"));
        String worker = TestTokens.user("community-worker").communities(p + "-SQ1").token();
        report("statistics, community worker", () -> given().auth().oauth2(worker)
                .get("/api/v1/statistics/cadres").then().statusCode(200).extract().path("total"));
        // the body's size, not a parse: REST Assured's Groovy parser needs seconds for a 6 MB roster
        report("80+ roster JSON, one community", () -> given().auth().oauth2(worker).queryParam("month", "2026-03")
                .get("/api/v1/reports/high-age-subsidy").then().statusCode(200).extract().asByteArray().length + " bytes");
        report("80+ roster XLSX, one community", () -> given().auth().oauth2(worker).queryParam("month", "2026-03")
                .accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get("/api/v1/reports/high-age-subsidy").then().statusCode(200).extract().asByteArray().length + " bytes");
        report("cadre search by name, page of 50", () -> given().auth().oauth2(worker).queryParam("q", "干部1234")
                .get("/api/v1/cadres").then().statusCode(200).extract().path("total"));
    }

    /** The job's own time, from the upload's arrival to the last chunk's commit. */
    private static void printJobTime(JsonPath status) {
        double job = java.time.Duration.between(java.time.Instant.parse(status.getString("createdAt")),
                java.time.Instant.parse(status.getString("finishedAt"))).toMillis() / 1000.0;
        System.out.printf("  import job alone:        %.1f s = %,.0f rows/s%n", job, status.getInt("processed") / job);
    }

    private static void report(String what, Supplier<Object> call) {
        Object result = call.get(); // warm-up
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            call.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("%-32s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (result %s)%n", what + ":", millis.get(10),
                millis.get(18), millis.get(19), result);
    }

    private long unpublished() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from outbox_event where published_at is null")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
