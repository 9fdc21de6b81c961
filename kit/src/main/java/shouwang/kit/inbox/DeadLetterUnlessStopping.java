package shouwang.kit.inbox;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;

/**
 * {@code failure-strategy=shouwang-dead-letter-queue}: the standard dead-letter queue, except for a record that
 * failed because the service is stopping ({@link RedeliverAfterRestart}). That one is left unacknowledged, so its
 * offset is never committed and the next start applies it; the inbox makes the second delivery safe.
 */
@ApplicationScoped
@Identifier(DeadLetterUnlessStopping.STRATEGY)
public class DeadLetterUnlessStopping implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "shouwang-dead-letter-queue";

    private static final Logger LOG = Logger.getLogger(DeadLetterUnlessStopping.class);

    @Inject
    @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE)
    KafkaFailureHandler.Factory deadLetterQueue;

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        return wrap(deadLetterQueue.create(config, vertx, consumer, reportFailure));
    }

    static KafkaFailureHandler wrap(KafkaFailureHandler delegate) {
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (stopping(reason)) {
                    LOG.infof("Leaving %s for redelivery after restart", record == null ? "a record"
                            : record.getTopic() + "-" + record.getPartition() + "@" + record.getOffset());
                    return Uni.createFrom().nothing();
                }
                return delegate.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                delegate.terminate();
            }
        };
    }

    static boolean stopping(Throwable reason) {
        for (Throwable cause = reason; cause != null; cause = cause.getCause()) {
            if (cause instanceof RedeliverAfterRestart) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
