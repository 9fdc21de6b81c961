import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Inspects and redrives dead letters (docs/operations.md). A single-file program: it needs only Java 17 and the Kafka
 * client jars, which every Strimzi broker pod has, so it runs there as
 *   java -cp '/opt/kafka/libs/*' DeadLetters.java list    --config ops.properties --bootstrap HOST:9093 --topic care-signals.dlq
 *   java -cp '/opt/kafka/libs/*' DeadLetters.java redrive --config ops.properties --bootstrap HOST:9093 --topic care-signals.dlq [--ce-id ID ...]
 * `list` prints one line per dead letter: partition/offset, ce_id, ce_type, key and the reason, never the value (it may
 * hold personal data; add --values to see it on the cluster). `redrive` writes each dead letter (or only those whose
 * ce_id is given) back to the topic it came from (header dead-letter-topic) with its key, value and original headers,
 * the dead-letter-* headers dropped. Consumers dedupe on ce_id: a record applied meanwhile is skipped, one that never
 * was is applied now. It reads the DLQ from its start to its end at the moment it starts, and never commits offsets,
 * so the DLQ keeps every record for the next inspection. Console tools cannot do this safely: a dead-letter reason
 * holds newlines and separators that break their one-line format.
 */
public class DeadLetters {

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || !(args[0].equals("list") || args[0].equals("redrive"))) {
            usage("the first argument is list or redrive");
        }
        Properties client = new Properties();
        String topic = null;
        boolean values = false;
        Set<String> ceIds = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> {
                    try (InputStream in = new FileInputStream(argument(args, ++i))) {
                        client.load(in);
                    }
                }
                case "--bootstrap" -> client.setProperty("bootstrap.servers", argument(args, ++i));
                case "--topic" -> topic = argument(args, ++i);
                case "--ce-id" -> ceIds.add(argument(args, ++i));
                case "--values" -> values = true;
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (topic == null || !topic.endsWith(".dlq")) {
            usage("--topic names a dead-letter topic (<topic>.dlq)");
        }
        List<ConsumerRecord<byte[], byte[]>> letters = readAll(client, topic);
        if (args[0].equals("list")) {
            for (ConsumerRecord<byte[], byte[]> r : letters) {
                System.out.println(r.partition() + "/" + r.offset() + "\tce_id=" + header(r, "ce_id") + "\tce_type="
                        + header(r, "ce_type") + "\tkey=" + text(r.key()) + "\treason="
                        + String.valueOf(header(r, "dead-letter-reason")).replace('\n', ' ')
                        + (values ? "\tvalue=" + text(r.value()) : ""));
            }
            System.out.println(letters.size() + " dead letters on " + topic);
            return;
        }
        redrive(client, topic, letters, ceIds);
    }

    private static void redrive(Properties client, String topic, List<ConsumerRecord<byte[], byte[]>> letters,
            Set<String> ceIds) {
        Properties config = new Properties();
        config.putAll(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        int sent = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<byte[], byte[]> r : letters) {
                String ceId = header(r, "ce_id");
                if (!ceIds.isEmpty() && !ceIds.contains(ceId)) {
                    continue;
                }
                String source = header(r, "dead-letter-topic");
                if (source == null) {
                    source = topic.substring(0, topic.length() - ".dlq".length());
                }
                RecordHeaders headers = new RecordHeaders();
                for (Header h : r.headers()) {
                    if (!h.key().startsWith("dead-letter-")) {
                        headers.add(h.key(), h.value());
                    }
                }
                producer.send(new ProducerRecord<>(source, null, r.key(), r.value(), headers)).get();
                System.out.println("redriven " + r.partition() + "/" + r.offset() + " ce_id=" + ceId + " to " + source);
                sent++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the broker refused a record: " + e.getCause(), e.getCause());
        }
        System.out.println(sent + " dead letters redriven from " + topic);
    }

    /** Every record of the topic from its start up to its end offsets when called; no group, nothing committed. */
    private static List<ConsumerRecord<byte[], byte[]>> readAll(Properties client, String topic) {
        Properties config = new Properties();
        config.putAll(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "shouwang-operations-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            while (!end.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (end.containsKey(tp) && r.offset() < end.get(tp)) {
                        all.add(r);
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        return all;
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : text(h.value());
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String argument(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("DeadLetters: " + problem + "\nusage: java -cp '<kafka libs>/*' DeadLetters.java list|redrive"
                + " --bootstrap HOST:PORT [--config client.properties] --topic <topic>.dlq [--ce-id ID ...] [--values]");
        System.exit(2);
    }
}
