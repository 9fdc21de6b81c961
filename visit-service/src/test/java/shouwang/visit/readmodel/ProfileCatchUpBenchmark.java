package shouwang.visit.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TopicProbe;
import shouwang.visit.Profiles;
import shouwang.visit.TestDb;

/**
 * How fast a bulk load's cadre-profiles reach the read model (issue 17). Not part of the build; run it with
 * {@code mvn -B -o verify -pl kit,visit-service -Dtest=ProfileCatchUpBenchmark -Dbenchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false} (optional: {@code -Dbenchmark.profiles=20000 -Dbenchmark.rounds=3}).
 * Each round publishes that many new cadres (an import), then the same cadres again one version up (a monthly
 * re-import), on the in-JVM broker, and prints profiles/s from the first send until the last is applied, and how long
 * after the last send that was (the import's DONE), and the CPU time the test JVM and the PostgreSQL server spent
 * meanwhile per 1,000 profiles (from {@code /proc}: unlike the wall-clock figures, hardly moved by other processes on
 * a shared machine). It prints the figures and fails only if a profile is not applied.
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ProfileCatchUpBenchmark {

    static final int PROFILES = Integer.getInteger("benchmark.profiles", 20_000);
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);

    @Test
    void profilesPerSecondOfABulkLoad() {
        List<Double> imports = new ArrayList<>();
        List<Double> refreshes = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            String unit = "BENCH-" + UUID.randomUUID();
            List<Map<String, Object>> profiles = new ArrayList<>();
            for (int i = 0; i < PROFILES; i++) {
                // a tenth of the cadres share a household with the next one, as a registry's 两老同住 rows do
                profiles.add(Profiles.profile(UUID.randomUUID(), 1, "SQ00" + (i % 6 + 1), "SQ00" + (i % 6 + 1)
                        + "-WG0" + (i % 4 + 1), unit));
            }
            for (int i = 0; i + 1 < PROFILES; i += 20) {
                Profiles.household(List.of(profiles.get(i), profiles.get(i + 1)));
            }
            imports.add(run("round " + round + " import ", profiles, "CadreRegistered", unit, 1));
            profiles.forEach(p -> p.put("version", 2L));
            refreshes.add(run("round " + round + " refresh", profiles, "CadreUpdated", unit, 2));
        }
        System.out.printf("[benchmark] median of %d rounds, %,d profiles each: import %.0f profiles/s, "
                + "re-import %.0f profiles/s%n", ROUNDS, PROFILES, median(imports), median(refreshes));
    }

    private static double run(String label, List<Map<String, Object>> profiles, String eventName, String unit,
            long version) {
        List<ProducerRecord<String, String>> records = profiles.stream().map(p -> TopicProbe.record("cadre-profiles",
                (String) p.get("id"), eventName, UUID.randomUUID().toString(), p)).toList();
        CpuTime cpuBefore = CpuTime.now();
        long start = System.nanoTime();
        TopicProbe.sendAll(records);
        long sent = System.nanoTime();
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50)).until(() -> TestDb
                .queryLong("select count(*) from cadre where unit_code = ? and version = ?", unit, version)
                == profiles.size());
        long applied = System.nanoTime();
        CpuTime cpu = CpuTime.now().minus(cpuBefore);
        double perSecond = profiles.size() / ((applied - start) / 1e9);
        double thousands = profiles.size() / 1000.0;
        System.out.printf("[benchmark] %s: %,d profiles sent in %.1f s, all applied %.1f s after the first send "
                + "(%.1f s after the last): %.0f profiles/s; CPU per 1,000 profiles: JVM %.0f ms (sending "
                + "included), PostgreSQL %.0f ms; load average %.1f%n", label, profiles.size(), (sent - start) / 1e9,
                (applied - start) / 1e9, (applied - sent) / 1e9, perSecond, cpu.jvmMillis() / thousands,
                cpu.postgresMillis() / thousands, java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        assertThat(TestDb.queryLong("select count(*) from cadre_contact c join cadre p on p.id = c.cadre_id "
                + "where p.unit_code = ?", unit)).isEqualTo(3L * profiles.size());
        return perSecond;
    }

    /**
     * CPU time so far of this JVM and of the PostgreSQL server's processes (the backends of pg_stat_activity, which
     * lists the auxiliary processes too; a process ended meanwhile is missed): {@code /proc/<pid>/stat}, Linux only
     * (zero elsewhere).
     */
    record CpuTime(long jvmMillis, long postgresMillis) {

        private static final long TICK_MILLIS = 10; // USER_HZ = 100 on Linux

        static CpuTime now() {
            long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
            long postgres = 0;
            for (long pid : TestDb.queryLongs("select pid from pg_stat_activity")) {
                postgres += ticks(pid) * TICK_MILLIS;
            }
            return new CpuTime(jvm, postgres);
        }

        CpuTime minus(CpuTime before) {
            return new CpuTime(jvmMillis - before.jvmMillis, postgresMillis - before.postgresMillis);
        }

        private static long ticks(long pid) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid + "", "stat"));
                // after the command name in parentheses: state is field 3, utime 14 and stime 15
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (java.io.IOException | RuntimeException e) {
                return 0;
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
