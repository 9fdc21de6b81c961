package shouwang.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;

/**
 * The shutdown race: a record whose effect fails while the service stops is neither dead-lettered nor acknowledged
 * (its offset stays uncommitted, so the next start applies it); every other failure still reaches the DLQ.
 */
class DeadLetterUnlessStoppingTest {

    private final List<Throwable> deadLettered = new ArrayList<>();
    private final KafkaFailureHandler handler = DeadLetterUnlessStopping.wrap(new KafkaFailureHandler() {
        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            deadLettered.add(reason);
            return Uni.createFrom().voidItem();
        }
    });

    @Test
    void aRecordFailingAsTheServiceStopsIsLeftForRedelivery() {
        RuntimeException shutdown = new RedeliverAfterRestart("visit-service.alerts stops before applying e1",
                new NullPointerException("Arc container is null"));
        AtomicBoolean settled = new AtomicBoolean();

        handler.handle(record(), shutdown, Metadata.empty()).subscribe().with(done -> settled.set(true),
                failure -> settled.set(true));

        assertThat(settled).as("never acknowledged nor failed").isFalse();
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void aPoisonRecordStillGoesToTheDeadLetterTopic() {
        RuntimeException poison = new PoisonRecordException("value is not JSON");

        handler.handle(record(), poison, Metadata.empty()).await().indefinitely();

        assertThat(deadLettered).containsExactly(poison);
    }

    /** The wrapper decides by the failure alone; the record only travels on to the delegate. */
    private static IncomingKafkaRecord<String, String> record() {
        return null;
    }
}
