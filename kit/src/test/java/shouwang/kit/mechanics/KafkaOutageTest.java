package shouwang.kit.mechanics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.KafkaBrokerResource;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;

/** A change committed while Kafka is down is not lost: it is published once the broker is back. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class KafkaOutageTest {

    @Inject
    EntityManager entityManager;

    @Test
    void aChangeCommittedWhileKafkaIsDownIsPublishedWhenItIsBack() throws Exception {
        String key = "outage-" + UUID.randomUUID();
        KafkaBrokerResource.stopBroker();
        try {
            given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                    .body("{\"key\":\"" + key + "\",\"body\":\"written while Kafka is down\"}")
                    .post("/api/v1/test-notes").then().statusCode(200);
            Thread.sleep(2_000);
            assertThat(publishedAt(key)).as("the row waits in the outbox while Kafka is down").isNull();
        } finally {
            KafkaBrokerResource.startBroker();
        }

        List<ConsumerRecord<String, String>> records = TopicProbe.await("kit-test-notes", r -> key.equals(r.key()), 1,
                Duration.ofSeconds(60));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).value()).contains("written while Kafka is down");
        assertThat(publishedAt(key)).isNotNull();
    }

    private Object publishedAt(String key) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select published_at from outbox_event where event_key = ?1")
                .setParameter(1, key).getSingleResult());
    }
}
