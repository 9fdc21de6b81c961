package shouwang.alert.cadre;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Identifier;

import shouwang.kit.events.ReceivedEvent;
import shouwang.kit.inbox.EventReceiver;
import shouwang.kit.inbox.PoisonRecordException;

/**
 * Reads one cadre's newest profile straight from cadre-profiles, without the consumer group: the partition its key
 * lands on (the producers' default partitioner), from the group's committed offset (what the consumer has not
 * confirmed yet) up to the end seen at the start, newest chunk first, keeping the last record of the key. A dedicated
 * client with the connector's broker settings (SASL, TLS); it only assigns the partition and asks for the group's
 * committed offset, so it never joins the group nor commits.
 */
@ApplicationScoped
public class LatestProfileConsumer {

    /** Records read per step backwards from the end; the newest record of the key is usually in the first. */
    static final int CHUNK = 10_000;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /**
     * What a scan found: the profile (null when none, or the newest record of the key is a tombstone), how many
     * records were read, and why it stopped when it did not read the whole range.
     */
    public record Scan(ProfileData profile, long scanned, String stop) {

        static Scan of(ProfileData profile, long scanned) {
            return new Scan(profile, scanned, null);
        }

        static Scan stopped(long scanned, String why) {
            return new Scan(null, scanned, why);
        }
    }

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> brokerSettings;

    @Inject
    EventReceiver receiver;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Validator validator;

    @ConfigProperty(name = "mp.messaging.incoming.cadre-profiles.topic", defaultValue = "cadre-profiles")
    String topic;

    @ConfigProperty(name = "mp.messaging.incoming.cadre-profiles.group.id", defaultValue = "alert-service")
    String groupId;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "alert-service")
    String application;

    /** The newest profile of the cadre on the topic, reading at most {@code maxRecords} within {@code timeout}. */
    public Scan latest(UUID cadreId, long maxRecords, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String key = cadreId.toString();
        long scanned = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings(timeout), new StringDeserializer(),
                new StringDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, remaining(deadline));
            if (partitions == null || partitions.isEmpty()) {
                return Scan.stopped(0, "topic " + topic + " has no partitions");
            }
            TopicPartition partition = new TopicPartition(topic,
                    Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions.size());
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), remaining(deadline)).get(partition);
            long from = consumer.beginningOffsets(List.of(partition), remaining(deadline)).get(partition);
            OffsetAndMetadata committed = consumer.committed(Set.of(partition), remaining(deadline)).get(partition);
            if (committed != null) {
                from = Math.max(from, committed.offset());
            }
            from = Math.max(from, end - maxRecords);
            for (long chunkEnd = end; chunkEnd > from;) {
                long chunkStart = Math.max(from, chunkEnd - CHUNK);
                consumer.seek(partition, chunkStart);
                ProfileData newest = null;
                boolean seen = false;
                while (consumer.position(partition, remaining(deadline)) < chunkEnd) {
                    if (System.nanoTime() > deadline) {
                        return Scan.stopped(scanned, "timeout");
                    }
                    for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                        if (record.offset() >= chunkEnd) {
                            continue; // read already, in the chunk after this one
                        }
                        scanned++;
                        if (!key.equals(record.key())) {
                            continue;
                        }
                        if (record.value() == null) {
                            seen = true; // a tombstone: the cadre's profile was removed
                            newest = null;
                        } else {
                            ProfileData profile = profileOf(record, cadreId);
                            if (profile != null) {
                                seen = true;
                                newest = profile;
                            }
                        }
                    }
                }
                if (seen) {
                    return Scan.of(newest, scanned);
                }
                chunkEnd = chunkStart;
            }
            return Scan.of(null, scanned);
        } catch (KafkaException e) {
            return Scan.stopped(scanned, "Kafka: " + e.getMessage());
        }
    }

    /** The record's profile as the consumer would apply it; null for one it would dead-letter (or another cadre's). */
    private ProfileData profileOf(ConsumerRecord<String, String> record, UUID cadreId) {
        try {
            ReceivedEvent event = receiver.parse(record);
            if (event.data() == null || event.data().isNull()) {
                return null;
            }
            ProfileData profile = objectMapper.treeToValue(event.data(), ProfileData.class);
            if (!validator.validate(profile).isEmpty() || !cadreId.equals(profile.id())) {
                return null;
            }
            return profile;
        } catch (PoisonRecordException | JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    private Map<String, Object> settings(Duration timeout) {
        Map<String, Object> properties = new HashMap<>(brokerSettings);
        properties.keySet().removeIf(name -> name.startsWith("devservices") || name.startsWith("health"));
        properties.putIfAbsent(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        // the group's id only to read its committed offset: assign() and no commit never join the group
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024));
        int millis = (int) Math.max(1000, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString(millis));
        properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(millis));
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, application + "-profile-lookup-" + CLIENTS.incrementAndGet());
        properties.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        return properties;
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(Duration.ofMillis(100).toNanos(), deadline - System.nanoTime()));
    }
}
