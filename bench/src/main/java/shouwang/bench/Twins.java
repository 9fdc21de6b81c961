package shouwang.bench;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;

/**
 * The limit twins: what the same PostgreSQL and Kafka do with no service in between, in the same run. Each twin does
 * the essential work of its scenario only (the rows a request must commit, the bytes an import must store, the records
 * a chain must carry).
 */
final class Twins {

    private final String postgres;
    private final String kafka;

    Twins(String postgres, String kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    Connection connect(String database) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + postgres + "/" + database, "shouwang", "shouwang");
    }

    /**
     * {@code clients} threads, each with its own connection, committing one transaction per call that inserts
     * {@code rowsPerTransaction - 1} domain rows (visit-like / signal- and alert-like) and one outbox row with a JSON
     * payload. Returns transactions per second.
     */
    double transactions(int clients, Duration duration, int rowsPerTransaction) throws Exception {
        try (Connection connection = connect("bench"); Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists bench_row, bench_outbox");
            statement.execute("create table bench_row (id uuid primary key, cadre_id uuid not null, occurred_at "
                    + "timestamptz not null, kind varchar(30) not null, layer varchar(20), actor varchar(100), "
                    + "notes text, created_at timestamptz not null default now())");
            statement.execute("create table bench_outbox (id uuid primary key, topic varchar(100) not null, "
                    + "event_key varchar(100) not null, type varchar(100) not null, payload jsonb not null, "
                    + "created_at timestamptz not null default now(), published_at timestamptz)");
        }
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Connection connection = connect("bench");
            connection.setAutoCommit(false);
            connections.add(connection);
        }
        ThreadLocal<Integer> slot = new ThreadLocal<>();
        java.util.concurrent.atomic.AtomicInteger slots = new java.util.concurrent.atomic.AtomicInteger();
        try {
            Load.Throughput result = Load.closedLoop(clients, duration, Integer.MAX_VALUE, n -> {
                if (slot.get() == null) {
                    slot.set(slots.getAndIncrement());
                }
                Connection connection = connections.get(slot.get());
                UUID cadre = UUID.randomUUID();
                try (PreparedStatement row = connection.prepareStatement("insert into bench_row (id, cadre_id, "
                        + "occurred_at, kind, layer, actor, notes) values (?, ?, ?, ?, ?, ?, ?)");
                        PreparedStatement outbox = connection.prepareStatement("insert into bench_outbox (id, topic, "
                                + "event_key, type, payload) values (?, ?, ?, ?, ?::jsonb)")) {
                    for (int r = 0; r < rowsPerTransaction - 1; r++) {
                        row.setObject(1, UUID.randomUUID());
                        row.setObject(2, cadre);
                        row.setObject(3, OffsetDateTime.now());
                        row.setString(4, "IN_PERSON");
                        row.setString(5, "COMMUNITY");
                        row.setString(6, "压测");
                        row.setString(7, "benchmark");
                        row.executeUpdate();
                    }
                    outbox.setObject(1, UUID.randomUUID());
                    outbox.setString(2, "visits");
                    outbox.setString(3, cadre.toString());
                    outbox.setString(4, "VisitLogged");
                    outbox.setString(5, "{\"visitId\":\"" + UUID.randomUUID() + "\",\"cadreId\":\"" + cadre
                            + "\",\"visitedAt\":\"" + OffsetDateTime.now() + "\",\"channel\":\"IN_PERSON\","
                            + "\"layer\":\"COMMUNITY\",\"contacted\":true,\"communityCode\":\"B-SQ1\"}");
                    outbox.executeUpdate();
                }
                connection.commit();
                return true;
            });
            return result.perSecond();
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /**
     * pgbench's figure for the same transaction as {@link #transactions} with two rows (a visit-like row and an
     * outbox row), {@code clients} clients, on the bench database; null when pgbench fails.
     */
    Double pgbench(String pgbench, Path work, int clients, Duration duration) throws Exception {
        Path script = work.resolve("visit-and-outbox.sql");
        Files.createDirectories(work);
        Files.writeString(script, """
                BEGIN;
                INSERT INTO bench_row (id, cadre_id, occurred_at, kind, layer, actor, notes) VALUES (gen_random_uuid(), gen_random_uuid(), now(), 'IN_PERSON', 'COMMUNITY', '压测', 'benchmark');
                INSERT INTO bench_outbox (id, topic, event_key, type, payload) VALUES (gen_random_uuid(), 'visits', gen_random_uuid()::text, 'VisitLogged', '{"channel":"IN_PERSON","layer":"COMMUNITY","contacted":true,"communityCode":"B-SQ1"}');
                END;
                """);
        String[] hostPort = postgres.split(":");
        ProcessBuilder builder = new ProcessBuilder(pgbench, "-n", "-h", hostPort[0], "-p", hostPort[1], "-U", "shouwang",
                "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(duration.toSeconds()), "-f",
                script.toString(), "bench").redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", "shouwang");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS);
        java.util.regex.Matcher tps = java.util.regex.Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (process.exitValue() != 0 || !tps.find()) {
            System.out.println("==> pgbench failed: " + output.strip());
            return null;
        }
        return Double.parseDouble(tps.group(1));
    }

    /** COPY of the import's CSV file into a table of text columns through the JDBC CopyManager; seconds. */
    double copy(Path csv) throws Exception {
        String header = Files.newBufferedReader(csv, StandardCharsets.UTF_8).readLine();
        String columns = java.util.Arrays.stream(header.split(",")).map(c -> "\"" + c + "\" text")
                .collect(Collectors.joining(", "));
        try (Connection connection = connect("bench"); Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists bench_import");
            statement.execute("create table bench_import (" + columns + ")");
            long start = System.nanoTime();
            try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy bench_import from stdin with (format csv, header true)", reader);
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** Sequential samples of the raw SQL on one database, in nanoseconds (all rows read). */
    List<Long> query(String database, String sql, List<Object> parameters, int warmUp, int count) throws Exception {
        try (Connection connection = connect(database); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return Load.samples(warmUp, count, n -> {
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rows.getObject(1);
                    }
                }
                return true;
            });
        }
    }

    /** Whether run.sh could load pg_stat_statements (the PostgreSQL in use has it). */
    boolean statementsTracked() throws Exception {
        try (Connection connection = connect("bench"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select 1 from pg_extension where extname = 'pg_stat_statements'")) {
            return rows.next();
        }
    }

    void resetStatements() throws Exception {
        try (Connection connection = connect("bench"); Statement statement = connection.createStatement()) {
            statement.execute("select pg_stat_statements_reset()");
        }
    }

    /**
     * Since the last {@link #resetStatements}: each database's total execution time, then the {@code top} statements
     * by execution time across the databases (calls, total and per-call time, rows), one line each.
     */
    List<String> topStatements(int top) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection connection = connect("bench"); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("select d.datname, sum(s.total_exec_time), sum(s.calls) from "
                    + "pg_stat_statements s join pg_database d on d.oid = s.dbid where s.toplevel group by 1 order by 2 desc")) {
                StringBuilder line = new StringBuilder("execution time by database (top-level statements):");
                while (rows.next()) {
                    line.append(String.format(java.util.Locale.ROOT, " %s %.1fs in %,d calls;", rows.getString(1),
                            rows.getDouble(2) / 1000, rows.getLong(3)));
                }
                lines.add(line.toString());
            }
            try (ResultSet rows = statement.executeQuery("select d.datname, s.toplevel, s.calls, s.total_exec_time, "
                    + "s.rows, regexp_replace(s.query, '\\s+', ' ', 'g') from pg_stat_statements s join pg_database d "
                    + "on d.oid = s.dbid order by s.total_exec_time desc limit " + top)) {
                while (rows.next()) {
                    String query = rows.getString(6);
                    lines.add(String.format(java.util.Locale.ROOT, "%-9s %s %8.2fs %,9d calls %7.1fµs/call %,10d rows  %s",
                            rows.getString(1), rows.getBoolean(2) ? "  " : "↳ ", rows.getDouble(4) / 1000,
                            rows.getLong(3), rows.getDouble(4) * 1000 / Math.max(1, rows.getLong(3)), rows.getLong(5),
                            query.length() > 220 ? query.substring(0, 220) + "…" : query));
                }
            }
        }
        return lines;
    }

    // ---------------------------------------------------------------------------------------------- Kafka

    private Properties kafkaConfig() {
        Properties config = new Properties();
        config.put("bootstrap.servers", kafka);
        return config;
    }

    /** The sum of the topic's end offsets (records ever written, on a fresh broker). */
    long endOffsets(Admin admin, String topic) throws Exception {
        return ends(admin, topic).values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<TopicPartition, Long> ends(Admin admin, String topic) throws Exception {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                .partitions();
        Map<TopicPartition, OffsetSpec> specs = partitions.stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(specs).all()
                .get(10, TimeUnit.SECONDS);
        return result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** The consumer group's lag on the topic: end offsets minus committed offsets, summed over partitions. */
    long lag(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, Long> ends = ends(admin, topic);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            lag += end.getValue() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    Admin admin() {
        return Admin.create(kafkaConfig());
    }

    /** A bare KafkaConsumer reading the topic from the beginning until {@code records} have arrived; seconds. */
    double readAll(String topic, long records, Duration timeout) {
        Properties config = kafkaConfig();
        config.put("group.id", "bench-bare-" + UUID.randomUUID());
        config.put("enable.auto.commit", "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            long start = System.nanoTime();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long seen = 0;
            long deadline = start + timeout.toNanos();
            while (seen < records && System.nanoTime() < deadline) {
                seen += consumer.poll(Duration.ofMillis(100)).count();
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** Sequential produce→consume round trips ({@code acks=all}, like the outbox relay), nanoseconds each. */
    List<Long> roundTrips(String topic, int records) throws Exception {
        Properties producerConfig = kafkaConfig();
        producerConfig.put("acks", "all");
        producerConfig.put("linger.ms", "1");
        Properties consumerConfig = kafkaConfig();
        consumerConfig.put("group.id", "bench-latency-" + UUID.randomUUID());
        consumerConfig.put("auto.offset.reset", "latest");
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean assigned = new AtomicBoolean();
        List<Long> samples = new ArrayList<>(records);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "warm-up", "{}")).get(10, TimeUnit.SECONDS);
            Thread watcher = new Thread(() -> {
                try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig,
                        new StringDeserializer(), new StringDeserializer())) {
                    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToEnd(partitions);
                    partitions.forEach(consumer::position);
                    assigned.set(true);
                    while (running.get()) {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                            arrivals.putIfAbsent(record.key(), System.nanoTime());
                        }
                    }
                }
            }, "bench-arrivals");
            watcher.start();
            while (!assigned.get()) {
                Thread.sleep(10);
            }
            for (int i = 0; i < records; i++) {
                String key = UUID.randomUUID().toString();
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, key, "{}")).get(10, TimeUnit.SECONDS);
                long deadline = sent + TimeUnit.SECONDS.toNanos(30);
                Long arrived;
                while ((arrived = arrivals.get(key)) == null && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                if (arrived == null) {
                    throw new IllegalStateException("bare Kafka record not consumed within 30 s");
                }
                samples.add(arrived - sent);
            }
            running.set(false);
            watcher.join(5000);
        }
        return samples;
    }

}
