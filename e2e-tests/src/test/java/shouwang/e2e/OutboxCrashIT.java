package shouwang.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import shouwang.e2e.Platform.Service;
import shouwang.kit.testing.KafkaBrokerResource;
import shouwang.kit.testing.TopicProbe;

/**
 * A service that dies after committing, before Kafka acknowledged the event, publishes it when it starts again:
 * the event was committed with the change, in the outbox.
 */
class OutboxCrashIT {

    @Test
    void aCadreCommittedBeforeACrashIsPublishedAfterRestart() throws Exception {
        Platform platform = Platform.get();
        String[] orgs = Fixtures.orgs(platform);

        KafkaBrokerResource.stopBroker();
        String cadreId;
        try {
            cadreId = Fixtures.cadre(platform, orgs, "崩溃前登记");
            platform.kill(Service.REGISTRY);
        } finally {
            KafkaBrokerResource.startBroker();
        }
        List<ConsumerRecord<String, String>> beforeRestart = TopicProbe.await("cadre-profiles",
                r -> cadreId.equals(r.key()), 1, Duration.ofSeconds(5));
        assertThat(beforeRestart).as("nothing can have been sent by a process killed while Kafka was down").isEmpty();

        platform.start(Service.REGISTRY);

        List<ConsumerRecord<String, String>> records = TopicProbe.await("cadre-profiles",
                r -> cadreId.equals(r.key()), 1, Duration.ofSeconds(60));
        assertThat(records).hasSize(1);
        assertThat(TopicProbe.header(records.get(0), "ce_type")).isEqualTo("shouwang.CadreRegistered.v1");
        assertThat(records.get(0).value()).contains("崩溃前登记");
    }
}
