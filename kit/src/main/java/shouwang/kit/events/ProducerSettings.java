package shouwang.kit.events;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Settings of the kit's own Kafka producers (outbox relay, dead letters): the connector's broker settings
 * ({@code @Identifier("default-kafka-broker")}, i.e. every {@code KAFKA_*} variable: bootstrap servers, SASL, TLS),
 * with acknowledgement by all replicas, idempotence and bounded waits, so a send either lands or fails within seconds.
 */
public final class ProducerSettings {

    private ProducerSettings() {
    }

    public static Map<String, Object> of(Map<String, Object> brokerSettings, String clientSuffix) {
        Map<String, Object> properties = new HashMap<>(brokerSettings);
        properties.keySet().removeIf(name -> name.startsWith("devservices") || name.startsWith("health"));
        properties.putIfAbsent(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, ConfigProvider.getConfig()
                .getOptionalValue("quarkus.application.name", String.class).orElse("shouwang") + "-" + clientSuffix);
        return properties;
    }
}
