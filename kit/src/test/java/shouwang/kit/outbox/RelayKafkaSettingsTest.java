package shouwang.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.testing.PlatformTestProfile;

/**
 * Kubernetes passes Kafka's TLS and SASL settings as {@code KAFKA_*} environment variables. The consumers read them;
 * the relay used to copy only {@code kafka.*} properties, so against a secured cluster every event would have piled
 * up in the outbox. Here the settings come in environment-variable form and the relay's producer must hold them.
 */
@QuarkusTest
@TestProfile(RelayKafkaSettingsTest.EnvironmentStyle.class)
class RelayKafkaSettingsTest {

    public static class EnvironmentStyle extends PlatformTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // PLAINTEXT keeps the test broker reachable; the point is the form of the names, not SASL itself
            return Map.of("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT", "KAFKA_METADATA_MAX_AGE_MS", "123456");
        }
    }

    @Inject
    OutboxRelay relay;

    @Test
    void theRelayTakesKafkaSettingsGivenAsEnvironmentVariables() {
        Map<String, Object> producer = relay.producerConfig();
        assertThat(producer).containsEntry("security.protocol", "PLAINTEXT")
                .containsEntry("metadata.max.age.ms", "123456")
                .containsEntry("acks", "all");
        assertThat(producer.get("bootstrap.servers")).asString().contains("localhost");
    }
}
