package shouwang.kit.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "shouwang.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code ce_source} of every event this service publishes. */
    @WithDefault("/shouwang/${quarkus.application.name}")
    String source();

    /**
     * Where the partner contract's JSON Schemas are served; each event's {@code ce_dataschema} is this plus its
     * schema file. By default the local stack's workbench, which serves {@code docs/asyncapi/schemas}; the chart sets
     * the Ingress's own address.
     */
    @WithDefault("http://localhost:8080/asyncapi/schemas/")
    String dataschemaBase();

    Relay relay();

    interface Relay {
        /** Off only for tests that must leave rows unpublished, e.g. to simulate a crash before sending. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("500")
        int batchSize();

        /** The relay is woken on every commit; this interval is only the safety net for missed wake-ups. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Longest pause between retries while Kafka does not acknowledge. */
        @WithDefault("5s")
        Duration maxBackoff();

        /** Published rows are kept this long for diagnosis, then purged. */
        @WithDefault("7d")
        Duration retention();
    }
}
