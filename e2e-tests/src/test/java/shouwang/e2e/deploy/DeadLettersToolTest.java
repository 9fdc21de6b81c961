package shouwang.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import shouwang.kit.testing.KafkaBrokerResource;

/**
 * deploy/kubernetes/tools/DeadLetters.java, the command docs/operations.md gives for DLQ inspection and redrive, run as
 * an operator runs it (java's source launcher with the Kafka client jars) against a real broker, with dead letters
 * shaped like the kit's: original ce_* headers, then dead-letter-* headers whose reason spans lines.
 */
class DeadLettersToolTest {

    static final String SOURCE = "care-signals-redrive";
    static final String DLQ = SOURCE + ".dlq";
    static String bootstrap;

    @BeforeAll
    static void deadLetters() throws Exception {
        bootstrap = KafkaBrokerResource.bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(SOURCE, 3, (short) 1), new NewTopic(DLQ, 3, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(deadLetter("signal-a", "cadre-1", "{\"signalId\":\"a\",\"details\":\"市一院心内科住院\"}",
                    "Unrecognized field \"kindd\"\n at [Source: REDACTED; line: 1] | with\ttabs, commas: and colons")).get();
            producer.send(deadLetter("signal-b", "cadre-2", "{\"signalId\":\"b\"}", "cadre unknown")).get();
        }
    }

    @Test
    void listShowsEachDeadLetterWithItsIdTypeKeyAndReasonButNotItsValue() throws Exception {
        String out = tool("list", "--bootstrap", bootstrap, "--topic", DLQ);

        assertThat(out).contains("ce_id=signal-a\tce_type=shouwang.HospitalisationReported.v1\tkey=cadre-1\treason=Unrecognized field",
                "ce_id=signal-b", "reason=cadre unknown", "2 dead letters on " + DLQ);
        assertThat(out).doesNotContain("市一院");
    }

    @Test
    void redriveWritesTheChosenDeadLetterBackToItsTopicWithItsKeyValueAndCloudEventsHeadersOnly() throws Exception {
        String out = tool("redrive", "--bootstrap", bootstrap, "--topic", DLQ, "--ce-id", "signal-a");

        assertThat(out).contains("1 dead letters redriven from " + DLQ);
        List<ConsumerRecord<String, String>> redriven = readAll(SOURCE);
        assertThat(redriven).hasSize(1);
        ConsumerRecord<String, String> r = redriven.get(0);
        assertThat(r.key()).isEqualTo("cadre-1");
        assertThat(r.value()).isEqualTo("{\"signalId\":\"a\",\"details\":\"市一院心内科住院\"}");
        Map<String, String> headers = new HashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        assertThat(headers).containsOnlyKeys("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "content-type")
                .containsEntry("ce_id", "signal-a").containsEntry("ce_type", "shouwang.HospitalisationReported.v1");
        assertThat(readAll(DLQ)).as("the DLQ keeps its records").hasSize(2);
    }

    private static ProducerRecord<String, String> deadLetter(String ceId, String key, String value, String reason) {
        RecordHeaders h = new RecordHeaders();
        h.add("ce_specversion", bytes("1.0"));
        h.add("ce_id", bytes(ceId));
        h.add("ce_source", bytes("/partner/hospital"));
        h.add("ce_type", bytes("shouwang.HospitalisationReported.v1"));
        h.add("ce_time", bytes("2026-11-22T07:30:00Z"));
        h.add("content-type", bytes("application/json"));
        h.add("dead-letter-reason", bytes(reason));
        h.add("dead-letter-exception-class-name", bytes("com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException"));
        h.add("dead-letter-topic", bytes(SOURCE));
        h.add("dead-letter-partition", bytes("0"));
        h.add("dead-letter-offset", bytes("41"));
        return new ProducerRecord<>(DLQ, null, key, value, h);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "test-" + UUID.randomUUID());
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(500)).forEach(all::add);
            }
        }
        return all;
    }

    /** java -cp <this JVM's classpath: the Kafka clients> DeadLetters.java ARGS, as in a broker pod. */
    private static String tool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                RenderedChart.ROOT.resolve("deploy/kubernetes/tools/DeadLetters.java").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("deadletters", ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("DeadLetters finished").isTrue();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }
}
