package shouwang.alert.cadre;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.ChannelRegistry;

import shouwang.alert.Api;
import shouwang.alert.Fixtures;
import shouwang.kit.testing.KafkaBrokerResource;
import shouwang.kit.testing.TopicProbe;

/**
 * Issue 17: a signal for a cadre whose profile is still behind a bulk load's backlog is raised from a keyed lookup of
 * the cadre's latest profile, not when the consumer gets there. The consumer starts paused
 * ({@link ProfileLookupProfile}), so what is applied before {@link #resumeTheConsumer} came from the lookup alone; the
 * tests run in order: first the lookup on its own, then the consumer catching up behind it.
 */
@QuarkusTest
@TestProfile(ProfileLookupProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProfileLookupTest {

    private static final String TOPIC = ProfileLookupProfile.TOPIC;
    /** The consumer catching up on ~7,000 records, on a loaded machine. */
    private static final Duration CATCH_UP = Duration.ofSeconds(300);

    @Inject
    MeterRegistry meters;

    @Inject
    ChannelRegistry channels;

    private int partitions;

    /** Order 2 leaves this cadre's signal waiting; order 5 sees the consumer raise it. */
    private UUID deepCadre;
    private String deepAlert;

    /** Order 3's cadre: its first profile came from the lookup, its move arrives through the consumer. */
    private UUID movedCadre;
    private String movedAlert;
    private String movedFirstCeId;

    @BeforeAll
    void createTheTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBrokerResource.bootstrapServers()))) {
            try {
                admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            // a topic just created (by us or by the paused consumer's subscription) is described once its metadata
            // has reached the broker's cache
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().size();
                return partitions > 0;
            });
        }
    }

    @Test
    @Order(1)
    void aSignalForACadreBehindTheBacklogIsRaisedFromTheLookupAlone() {
        UUID cadreId = UUID.randomUUID();
        // twice the lookup's bound: the bound counts back from the end of the partition, not from its start
        List<ProducerRecord<String, String>> records = backlogOnPartitionOf(cadreId, 2 * ProfileLookupProfile.MAX_RECORDS);
        UUID publishedJustBefore = UUID.fromString(records.get(records.size() - 1).key());
        records.add(profile(cadreId, 1, "SQ701"));
        TopicProbe.sendAll(records);
        double found = lookups("found");

        String alertId = Api.postSignal(Api.admin(), Api.signal(UUID.randomUUID(), cadreId, "HOSPITALISATION"))
                .statusCode(202)
                .body("status", equalTo("PENDING_PROFILE"))
                .extract().path("alertId");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Api.admin().get("/api/v1/alerts/" + alertId)
                .then().statusCode(200)
                .body("cadreId", equalTo(cadreId.toString()))
                .body("communityCode", equalTo("SQ701")));
        // the consumer is paused: the backlog in front of the profile is not applied, the lookup applied the profile
        assertNull(Fixtures.held(publishedJustBefore));
        assertEquals(1, Fixtures.held(cadreId).version);
        assertEquals(found + 1, lookups("found"));
        Api.admin().get("/api/v1/alerts?cadreId=" + cadreId).then().statusCode(200).body("total", equalTo(1));
        Fixtures.alertEvents("MustVisitRequired", UUID.fromString(alertId), 1);
    }

    @Test
    @Order(2)
    void aProfileDeeperThanTheBoundIsLeftToTheConsumer() {
        deepCadre = UUID.randomUUID();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        records.add(profile(deepCadre, 1, "SQ702"));
        records.addAll(backlogOnPartitionOf(deepCadre, ProfileLookupProfile.MAX_RECORDS + 500));
        TopicProbe.sendAll(records);
        double notFound = lookups("not-found");

        deepAlert = Api.postSignal(Api.admin(), Api.signal(UUID.randomUUID(), deepCadre, "WORRY")).statusCode(202)
                .body("status", equalTo("PENDING_PROFILE"))
                .extract().path("alertId");

        await().atMost(Duration.ofSeconds(60)).until(() -> lookups("not-found") > notFound);
        assertNull(Fixtures.held(deepCadre));
        Api.admin().get("/api/v1/alerts/" + deepAlert).then().statusCode(404);
    }

    @Test
    @Order(3)
    void aNewerProfileInTheBacklogIsAppliedOnTopOfTheLookedUpOne() {
        movedCadre = UUID.randomUUID();
        List<ProducerRecord<String, String>> records = backlogOnPartitionOf(movedCadre, 500);
        ProducerRecord<String, String> first = profile(movedCadre, 1, "SQ703");
        movedFirstCeId = new String(first.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
        records.add(first);
        TopicProbe.sendAll(records);

        movedAlert = Api.postSignal(Api.admin(), Api.signal(UUID.randomUUID(), movedCadre, "HOSPITALISATION"))
                .statusCode(202).extract().path("alertId");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Api.admin().get("/api/v1/alerts/" + movedAlert)
                .then().statusCode(200).body("communityCode", equalTo("SQ703")));

        // registry moves the cadre: the move is behind the backlog too, only the consumer will bring it
        TopicProbe.sendAll(List.of(profile(movedCadre, 2, "SQ704")));
        resumeTheConsumer();

        await().atMost(CATCH_UP).until(() -> {
            CadreProfile held = Fixtures.held(movedCadre);
            return held != null && held.version == 2;
        });
        // the consumer reached the looked-up profile too, and skipped it as not newer
        await().atMost(CATCH_UP).until(() -> Fixtures.consumed("alert-service.cadre-profiles", movedFirstCeId));
        assertEquals(2, Fixtures.held(movedCadre).version);
        assertEquals("SQ704", Fixtures.held(movedCadre).placement().communityCode);
        Api.admin().get("/api/v1/alerts/" + movedAlert).then().statusCode(200).body("communityCode", equalTo("SQ704"));
        assertEquals(1, Fixtures.alertEvents("AlertRaised", UUID.fromString(movedAlert), 1).size());
    }

    @Test
    @Order(4)
    void theSignalLeftToTheConsumerIsRaisedWhenItReachesTheProfile() {
        resumeTheConsumer();
        assertTrue(deepAlert != null, "order 2 ran");
        await().atMost(CATCH_UP).untilAsserted(() -> Api.admin().get("/api/v1/alerts/" + deepAlert)
                .then().statusCode(200)
                .body("cadreId", equalTo(deepCadre.toString()))
                .body("communityCode", equalTo("SQ702")));
        assertEquals(1, Fixtures.alertEvents("AlertRaised", UUID.fromString(deepAlert), 1).size());
    }

    @Test
    @Order(5)
    void aCadreWithNoProfileOnTheTopicWaitsUntilItsProfileIsPublished() {
        resumeTheConsumer();
        UUID cadreId = UUID.randomUUID();
        double notFound = lookups("not-found");
        String alertId = Api.postSignal(Api.admin(), Api.signal(UUID.randomUUID(), cadreId, "HELP_REQUEST"))
                .statusCode(202)
                .body("status", equalTo("PENDING_PROFILE"))
                .extract().path("alertId");

        await().atMost(Duration.ofSeconds(60)).until(() -> lookups("not-found") > notFound);
        Api.admin().get("/api/v1/alerts/" + alertId).then().statusCode(404);
        assertNull(Fixtures.held(cadreId));

        TopicProbe.sendAll(List.of(profile(cadreId, 1, "SQ705")));
        await().atMost(CATCH_UP).untilAsserted(() -> Api.admin().get("/api/v1/alerts/" + alertId)
                .then().statusCode(200).body("communityCode", equalTo("SQ705")));
    }

    /** With {@code concurrency=3} the connector runs one consumer per channel instance, cadre-profiles$1 to $3. */
    private void resumeTheConsumer() {
        int resumed = 0;
        for (int i = 1; channels.getPausable("cadre-profiles$" + i) != null; i++, resumed++) {
            channels.getPausable("cadre-profiles$" + i).resume();
        }
        assertTrue(resumed > 0, "no pausable cadre-profiles consumer");
    }

    private double lookups(String outcome) {
        return meters.counter(ProfileLookup.LOOKUPS, "outcome", outcome).count();
    }

    /** Small profiles of other cadres whose keys land on the same partition as the cadre's, as an import's do. */
    private List<ProducerRecord<String, String>> backlogOnPartitionOf(UUID cadreId, int count) {
        int partition = partitionOf(cadreId);
        List<ProducerRecord<String, String>> records = new ArrayList<>(count + 1);
        while (records.size() < count) {
            UUID other = UUID.randomUUID();
            if (partitionOf(other) == partition) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("id", other.toString());
                data.put("version", 1);
                data.put("communityCode", "SQ799");
                data.put("status", "ACTIVE");
                records.add(TopicProbe.record(TOPIC, other.toString(), "CadreRegistered", UUID.randomUUID().toString(),
                        data));
            }
        }
        return records;
    }

    private static ProducerRecord<String, String> profile(UUID cadreId, long version, String community) {
        return TopicProbe.record(TOPIC, cadreId.toString(), version == 1 ? "CadreRegistered" : "CadreUpdated",
                UUID.randomUUID().toString(), Fixtures.profileData(cadreId, version, community, community + "-WG01",
                        "DW" + community.substring(2), "ACTIVE", null));
    }

    /** The producers' default partitioner. */
    private int partitionOf(UUID cadreId) {
        return Utils.toPositive(Utils.murmur2(cadreId.toString().getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
