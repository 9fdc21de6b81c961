package shouwang.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import shouwang.e2e.Platform.Service;
import shouwang.kit.testing.TestTokens;

/**
 * Issue 14: every Kafka client of every service (consumers, the outbox relay, dead letters) takes its settings from
 * the environment variables the chart sets, and SASL_SSL with SCRAM-SHA-512 works end to end. A second broker
 * ({@link SecuredKafka}: SASL_SSL only, one SCRAM login per service, ACLs exactly as values.yaml's
 * {@code strimzi.access}) and a second, separate set of the four services, configured for Kafka by
 * {@code KAFKA_*} environment variables only, run the must-visit chain and the one-tap help. Negative checks prove
 * security is really on: a wrong password is refused, and visit-service's login may not write cadre profiles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredKafkaIT {

    private static final String DETAILS = "安全通道端到端测试";

    private final String admin = Fixtures.admin();
    private SecuredKafka kafka;
    private Platform platform;

    @BeforeAll
    void start() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("registry-service/pom.xml"))) {
            root = root.getParent();
        }
        kafka = SecuredKafka.start(root);
        platform = Platform.separate("sasl", kafka.bootstrapServers(), kafka.environments());
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theMustVisitChainRunsOverSaslSslWithOneLoginPerService() {
        String[] orgs = Fixtures.orgs(platform);
        String cadreId = Fixtures.cadre(platform, orgs, "陈志远");
        String signalId = UUID.randomUUID().toString();

        // alert-service knows the cadre only from cadre-profiles: registry's relay and alert's consumer work
        String alertId = Fixtures.signal(platform, signalId, cadreId, orgs[2], "HOSPITALISATION", DETAILS);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> tasksOf(cadreId).size() >= 2);
        List<Map<String, Object>> tasks = tasksOf(cadreId);
        assertThat(tasks).extracting(t -> t.get("layer")).containsExactlyInAnyOrder("UNIT", "COMMUNITY");
        assertThat(tasks).extracting(t -> t.get("alertId")).containsOnly(alertId);

        for (Map<String, Object> task : tasks) {
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("cadreId", cadreId, "visitedAt", OffsetDateTime.now().toString(), "channel",
                            "IN_PERSON", "visitorName", "走访人", "layer", task.get("layer"), "taskId", task.get("id"),
                            "notes", "已探望"))
                    .post(platform.api(Service.VISIT) + "/visits").then().statusCode(201);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(admin).get(platform.api(Service.ALERT) + "/alerts/" + alertId)
                        .then().statusCode(200).body("status", equalTo("RESOLVED")));
        assertThat(tasksOf(cadreId)).extracting(t -> t.get("status")).containsOnly("DONE");

        // what the relays wrote is on the secured broker (read as the test's admin)
        assertThat(seen(kafka.admin(), "alerts", r -> cadreId.equals(r.key())
                && "shouwang.AlertResolved.v1".equals(header(r, "ce_type")), Duration.ofSeconds(30)))
                .as("AlertResolved on alerts").isTrue();
        assertThat(seen(kafka.admin(), "visits", r -> cadreId.equals(r.key())
                && "shouwang.VisitLogged.v1".equals(header(r, "ce_type")), Duration.ofSeconds(30)))
                .as("VisitLogged on visits").isTrue();
    }

    @Test
    void oneTapHelpReachesVolunteerServiceOverSaslSsl() {
        String[] orgs = Fixtures.orgs(platform);
        String cadreId = Fixtures.cadre(platform, orgs, "韦国栋");
        String cadre = TestTokens.user("cadre").cadre(cadreId).token();
        Map<String, Object> tap = Map.of("id", UUID.randomUUID().toString(), "serviceType", "MEDICAL_ESCORT",
                "details", "腿疼，想请人陪同去医院");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> given().auth()
                .oauth2(cadre).contentType(ContentType.JSON).body(tap)
                .post(platform.api(Service.ALERT) + "/me/help").statusCode() == 202);
        String alertId = given().auth().oauth2(cadre).contentType(ContentType.JSON).body(tap)
                .post(platform.api(Service.ALERT) + "/me/help").then().statusCode(202).extract().path("alertId");

        // volunteer-service read the alert (its consumer, its group) and opened the service order
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().auth().oauth2(cadre).get(platform.api(Service.VOLUNTEER) + "/me/service-requests")
                        .then().statusCode(200).body("total", equalTo(1))
                        .body("items[0].alertId", equalTo(alertId)));
        // ... and its relay wrote what it did to volunteering
        assertThat(seen(kafka.admin(), "volunteering", r -> cadreId.equals(r.key()), Duration.ofSeconds(30)))
                .as("volunteer-service's event on volunteering").isTrue();
        // every consuming service committed offsets of cadre-profiles under its own group
        try (Admin admin = Admin.create(kafka.admin())) {
            for (Map.Entry<String, SecuredKafka.Chart.Access> user : kafka.chart().access().entrySet()) {
                if (!user.getValue().reads().contains("cadre-profiles")) {
                    continue;
                }
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> admin
                        .listConsumerGroupOffsets(user.getKey()).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS).entrySet().stream()
                        .filter(e -> e.getKey().topic().equals("cadre-profiles") && e.getValue() != null)
                        .mapToLong(e -> e.getValue().offset()).sum() > 0);
            }
        }
    }

    @Test
    void aWrongPasswordCannotReadCadreProfiles() {
        Properties wrong = kafka.client("alert-service", kafka.password("alert-service") + "x");
        wrong.put("group.id", "alert-service");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(wrong, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("cadre-profiles"));
            assertThatThrownBy(() -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(500));
                }
            }).isInstanceOf(SaslAuthenticationException.class);
        }
        // the right password of the same login is let in
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka.client("alert-service",
                kafka.password("alert-service")), new StringDeserializer(), new StringDeserializer())) {
            assertThat(consumer.partitionsFor("cadre-profiles", Duration.ofSeconds(30))).hasSize(3);
        }
    }

    @Test
    void visitServiceMayReadButNotWriteCadreProfiles() throws Exception {
        Properties visit = kafka.client("visit-service", kafka.password("visit-service"));
        visit.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        visit.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        visit.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(visit, new StringSerializer(),
                new StringSerializer())) {
            // a topic it may write (poison alerts): allowed, so the login and TLS work
            producer.send(new ProducerRecord<>("alerts.dlq", "acl-check", "{}")).get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("cadre-profiles", "acl-check", "{}"))
                    .get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        assertThat(seen(visit, "cadre-profiles", r -> "acl-check".equals(r.key()), Duration.ofSeconds(3)))
                .as("nothing of visit-service's login reached cadre-profiles").isFalse();
    }

    private List<Map<String, Object>> tasksOf(String cadreId) {
        JsonPath page = given().auth().oauth2(admin).queryParam("cadreId", cadreId).queryParam("size", 100)
                .get(platform.api(Service.VISIT) + "/tasks").then().statusCode(200).extract().jsonPath();
        return page.getList("items");
    }

    /** Whether a record of {@code topic} matches within the timeout, read from the beginning with these settings. */
    private static boolean seen(Properties settings, String topic, Predicate<ConsumerRecord<String, String>> match,
            Duration timeout) {
        Properties properties = new Properties();
        properties.putAll(settings);
        properties.keySet().removeIf(k -> k.toString().startsWith("max.block") || k.toString().startsWith("delivery")
                || k.toString().startsWith("request.timeout"));
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo partition : consumer.partitionsFor(topic, timeout)) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
