package shouwang.visit.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.visit.TestDb;

/**
 * Missed-visit detection lag with a million open tasks. Not part of the build; run it with
 * {@code mvn -B -o -pl visit-service test -Dtest=MissedDetectionBenchmark -Dbenchmark=true}
 * (optional: {@code -Dbenchmark.openTasks=1000000 -Dbenchmark.dueBatch=1000 -Dbenchmark.rounds=3
 * -Dbenchmark.replicas=2}). It prints the figures; it fails only if a task is announced twice or not at all.
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class MissedDetectionBenchmark {

    static final int OPEN_TASKS = Integer.getInteger("benchmark.openTasks", 1_000_000);
    static final int DUE_BATCH = Integer.getInteger("benchmark.dueBatch", 1_000);
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
    /** Extra scanners beside the service's own, standing in for other replicas. */
    static final int EXTRA_REPLICAS = Integer.getInteger("benchmark.replicas", 2);

    @Inject
    TaskService tasks;

    @Test
    void detectionLagWithAMillionOpenTasks() throws Exception {
        Instant loadStart = Instant.now();
        try (Connection c = TestDb.dataSource().getConnection(); Statement s = c.createStatement()) {
            // A million open tasks due over the next 30 days: none of them is due during the benchmark.
            s.execute("insert into must_visit_task (id, cadre_id, alert_id, kind, level, layer, org_code, status, "
                    + "deadline, community_code, unit_code) select gen_random_uuid(), gen_random_uuid(), "
                    + "gen_random_uuid(), 'HOSPITALISATION', 0, case when g % 2 = 0 then 'UNIT' else 'COMMUNITY' end, "
                    + "'SQ' || (g % 200), 'OPEN', now() + interval '1 hour' + (g % 2592000) * interval '1 second', "
                    + "'SQ' || (g % 200), 'DW' || (g % 300) from generate_series(1, " + OPEN_TASKS + ") g");
            s.execute("analyze must_visit_task");
        }
        System.out.printf("%n[benchmark] loaded %,d open tasks in %d s%n", OPEN_TASKS,
                Duration.between(loadStart, Instant.now()).toSeconds());
        System.out.println("[benchmark] due-scan plan: " + explainDueScan());

        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService replicas = Executors.newFixedThreadPool(Math.max(1, EXTRA_REPLICAS));
        for (int r = 0; r < EXTRA_REPLICAS; r++) {
            replicas.submit(() -> {
                while (running.get()) {
                    try {
                        if (tasks.markDueTasksMissed(500) < 500) {
                            Thread.sleep(200);
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        System.out.println("[benchmark] replica scan failed: " + e.getMessage());
                    }
                }
            });
        }
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                runRound(round);
            }
        } finally {
            running.set(false);
            replicas.shutdownNow();
        }
    }

    private void runRound(int round) throws Exception {
        String kind = "BENCH-" + round;
        try (Connection c = TestDb.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into must_visit_task (id, cadre_id, alert_id, kind, level, layer, org_code, status, "
                    + "deadline) select gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), '" + kind + "', 0, "
                    + "'COMMUNITY', 'SQ1', 'OPEN', date_trunc('second', now()) + interval '3 seconds' "
                    + "from generate_series(1, " + DUE_BATCH + ")");
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> TestDb
                .queryLong("select count(*) from must_visit_task where kind = ? and status = 'MISSED'", kind) == DUE_BATCH);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> TestDb
                .queryLong("select count(*) from outbox_event o join must_visit_task t on t.id = "
                        + "cast(cast(o.payload as jsonb) ->> 'taskId' as uuid) where t.kind = ? and o.published_at is not null",
                        kind) >= DUE_BATCH);

        List<Double> detection = millis("select extract(epoch from (missed_at - deadline)) * 1000 from must_visit_task "
                + "where kind = '" + kind + "' order by 1");
        List<Double> published = millis("select extract(epoch from (o.published_at - t.deadline)) * 1000 from "
                + "outbox_event o join must_visit_task t on t.id = cast(cast(o.payload as jsonb) ->> 'taskId' as uuid) "
                + "where t.kind = '" + kind + "' order by 1");
        long announcements = TestDb.queryLong("select count(*) from outbox_event o join must_visit_task t on t.id = "
                + "cast(cast(o.payload as jsonb) ->> 'taskId' as uuid) where t.kind = ? and o.event_type = "
                + "'shouwang.VisitMissed.v1'", kind);
        long open = TestDb.queryLong("select count(*) from must_visit_task where status = 'OPEN'");
        System.out.printf("[benchmark] round %d: %,d open tasks, %,d due at once, %d scanners%n", round, open,
                DUE_BATCH, EXTRA_REPLICAS + 1);
        System.out.printf("[benchmark]   deadline -> MISSED     ms: min %.0f  p50 %.0f  p95 %.0f  max %.0f%n",
                detection.get(0), pct(detection, 50), pct(detection, 95), detection.get(detection.size() - 1));
        System.out.printf("[benchmark]   deadline -> on Kafka   ms: min %.0f  p50 %.0f  p95 %.0f  max %.0f%n",
                published.get(0), pct(published, 50), pct(published, 95), published.get(published.size() - 1));
        System.out.printf("[benchmark]   VisitMissed events: %d for %d tasks (duplicates: %d)%n", announcements,
                DUE_BATCH, announcements - DUE_BATCH);
        assertThat(announcements).isEqualTo(DUE_BATCH);
    }

    private static String explainDueScan() throws Exception {
        StringBuilder plan = new StringBuilder();
        try (Connection c = TestDb.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("explain analyze select id from must_visit_task where status = 'OPEN' "
                        + "and deadline <= now() order by deadline limit 500 for update skip locked")) {
            while (rows.next()) {
                String line = rows.getString(1).trim();
                if (line.startsWith("->") || line.startsWith("Limit") || line.startsWith("Execution")) {
                    plan.append(System.lineSeparator()).append("[benchmark]     ").append(line);
                }
            }
        }
        return plan.toString();
    }

    private static List<Double> millis(String sql) throws Exception {
        List<Double> values = new ArrayList<>();
        try (Connection c = TestDb.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getDouble(1));
            }
        }
        return values;
    }

    private static double pct(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
