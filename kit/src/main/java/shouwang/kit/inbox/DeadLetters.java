package shouwang.kit.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;

import shouwang.kit.events.ProducerSettings;

/**
 * Sends one record of a batch to {@code <topic>.dlq}, with the headers the connector's dead-letter queue writes
 * ({@code dead-letter-reason}, {@code -topic}, {@code -partition}, {@code -offset}) and the record's own, so a poison
 * record in a batch goes there alone while the rest of the batch applies. The send is waited for: if it fails, the
 * batch fails and is delivered again, so a poison record is never dropped.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int MAX_REASON = 1000;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> brokerSettings;

    private volatile KafkaProducer<String, String> producer;

    public void send(ConsumerRecord<String, String> record, String reason) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(record.topic() + ".dlq", null, record.key(),
                record.value());
        for (Header header : record.headers()) {
            dead.headers().add(header);
        }
        String bounded = reason == null ? "unknown" : reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON)
                : reason;
        dead.headers().add(REASON, bytes(bounded));
        dead.headers().add("dead-letter-topic", bytes(record.topic()));
        dead.headers().add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        dead.headers().add("dead-letter-offset", bytes(Long.toString(record.offset())));
        try {
            producer().send(dead).get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedeliverAfterRestart("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            // Not acknowledged, so not lost: the record is delivered again after a restart (and found in the inbox
            // if it was applied meanwhile).
            throw new RedeliverAfterRestart("cannot dead-letter " + where(record) + ": " + e.getMessage(), e);
        }
        LOG.warnf("Dead-lettered %s to %s.dlq", where(record), record.topic());
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(ProducerSettings.of(brokerSettings, "dead-letters"),
                            new StringSerializer(), new StringSerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
