package shouwang.volunteer.cadre;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TopicProbe;
import shouwang.volunteer.Fixtures;

/**
 * How fast a bulk load's cadre-profiles reach volunteer-service's read model (issue 17), like visit-service's benchmark
 * of the same name. Not part of the build; run it with {@code mvn -B -o -T 1 verify -pl kit,volunteer-service
 * -Dtest=ProfileCatchUpBenchmark -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false} (optional:
 * {@code -Dbenchmark.profiles=20000 -Dbenchmark.rounds=3}). Each round publishes that many new cadres (an import),
 * then the same cadres again one version up (a monthly re-import), on the in-JVM broker, and prints profiles/s from
 * the first send until the last is applied, and how long after the last send that was (the import's DONE). It prints
 * the figures and fails only if a profile is not applied.
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ProfileCatchUpBenchmark {

    static final int PROFILES = Integer.getInteger("benchmark.profiles", 20_000);
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);

    @Inject
    EntityManager entityManager;

    @Test
    void profilesPerSecondOfABulkLoad() {
        List<Double> imports = new ArrayList<>();
        List<Double> refreshes = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            String unit = "BENCH-" + UUID.randomUUID();
            List<UUID> cadres = new ArrayList<>();
            for (int i = 0; i < PROFILES; i++) {
                cadres.add(UUID.randomUUID());
            }
            imports.add(run("round " + round + " import ", cadres, unit, 1));
            refreshes.add(run("round " + round + " refresh", cadres, unit, 2));
        }
        System.out.printf("[benchmark] median of %d rounds, %,d profiles each: import %.0f profiles/s, "
                + "re-import %.0f profiles/s%n", ROUNDS, PROFILES, median(imports), median(refreshes));
    }

    private double run(String label, List<UUID> cadres, String unit, long version) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < cadres.size(); i++) {
            // the unit marks the round: a bench community, one of six
            Map<String, Object> profile = new HashMap<>(Fixtures.profile(cadres.get(i), version, "SQ9" + (i % 6),
                    "ACTIVE", "FULL", List.of()));
            profile.put("unitCode", unit);
            records.add(TopicProbe.record(Fixtures.CADRE_PROFILES, cadres.get(i).toString(),
                    version == 1 ? "CadreRegistered" : "CadreUpdated", UUID.randomUUID().toString(), profile));
        }
        long start = System.nanoTime();
        TopicProbe.sendAll(records);
        long sent = System.nanoTime();
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> held(unit, version) == cadres.size());
        long applied = System.nanoTime();
        double perSecond = cadres.size() / ((applied - start) / 1e9);
        System.out.printf("[benchmark] %s: %,d profiles sent in %.1f s, all applied %.1f s after the first send "
                + "(%.1f s after the last): %.0f profiles/s%n", label, cadres.size(), (sent - start) / 1e9,
                (applied - start) / 1e9, (applied - sent) / 1e9, perSecond);
        assertEquals(cadres.size(), held(unit, version));
        return perSecond;
    }

    private long held(String unit, long version) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from cadre_ref where unit_code = ?1 and version = ?2")
                .setParameter(1, unit).setParameter(2, version).getSingleResult()).longValue());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
