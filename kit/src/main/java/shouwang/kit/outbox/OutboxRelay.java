package shouwang.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

import shouwang.kit.events.CloudEvents;
import shouwang.kit.events.TraceContext;
import shouwang.kit.events.ProducerSettings;
import shouwang.kit.health.Workers;
import shouwang.kit.jdbc.ArrayColumns;
import shouwang.kit.problem.Failures;

/**
 * Sends committed outbox rows to Kafka as binary-mode CloudEvents, in sequence order, and marks them published only
 * once the broker has acknowledged them. A send that fails leaves the rows unpublished and is retried with backoff,
 * so nothing is lost; a retry after a partial send can duplicate a record, which consumers absorb through the inbox.
 * <p>
 * One relay at a time per database: the batch runs under a transaction-scoped advisory lock, so several replicas
 * can run side by side without reordering events of one key.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK_ID = 0x5348_4F55_5741_4E47L; // "SHOUWANG"
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxConfig config;

    @Inject
    MeterRegistry meters;

    @Inject
    Workers workers;

    /**
     * The Kafka client settings the messaging connector uses too: {@code kafka.*} properties AND the {@code KAFKA_*}
     * environment variables Kubernetes passes (TLS, SASL), so the relay reaches a secured cluster like the consumers.
     */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaClientConfig;

    private final Semaphore wakeups = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();
    private volatile boolean running;
    private volatile Thread worker;
    private Workers.Worker pulse;
    private KafkaProducer<String, byte[]> producer;

    void start(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            LOG.info("Outbox relay disabled by configuration");
            return;
        }
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
        meters.more().counter("shouwang.outbox.published", List.of(), published);
        running = true;
        // a cycle takes at most a send's delivery timeout plus its acks; minutes of silence mean the thread is gone
        pulse = workers.register("outbox-relay", Duration.ofMinutes(2));
        worker = new Thread(() -> Workers.guard(pulse, this::loop), "outbox-relay");
        worker.setDaemon(true);
        worker.start();
        LOG.infof("Outbox relay started, source=%s", config.source());
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        workers.retire("outbox-relay");
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Called after every commit that wrote outbox rows. */
    public void wake() {
        wakeups.release();
    }

    /** Events this process has sent and seen acknowledged since start. */
    public long publishedCount() {
        return published.get();
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(200);
        boolean failing = false;
        while (running) {
            pulse.beat();
            try {
                int sent = relayBatch();
                if (failing) {
                    LOG.infof("Outbox relay recovered: Kafka acknowledges again");
                    failing = false;
                }
                backoff = Duration.ofMillis(200);
                if (sent < config.relay().batchSize()) {
                    wakeups.tryAcquire(config.relay().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    LOG.warnf("Outbox relay cannot publish, will retry until Kafka acknowledges: %s", Failures.rootMessage(e));
                    failing = true;
                }
                sleep(backoff);
                backoff = min(backoff.multipliedBy(2), config.relay().maxBackoff());
            }
        }
    }

    /** Sends one batch under the relay lock; returns how many rows were published. */
    private int relayBatch() throws SQLException, Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryRelayLock(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<PendingEvent> batch = readBatch(connection);
                if (batch.isEmpty()) {
                    connection.rollback();
                    return 0;
                }
                send(batch);
                markPublished(connection, batch);
                connection.commit();
                published.addAndGet(batch.size());
                LOG.debugf("Outbox relay published %d events up to seq %d", batch.size(), batch.get(batch.size() - 1).seq);
                return batch.size();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private boolean tryRelayLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, ADVISORY_LOCK_ID);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private List<PendingEvent> readBatch(Connection connection) throws SQLException {
        List<PendingEvent> batch = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select seq, id, topic, event_key, event_type, payload, created_at, traceparent, dataschema "
                        + "from outbox_event "
                        + "where published_at is null order by seq limit ?")) {
            statement.setInt(1, config.relay().batchSize());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    batch.add(new PendingEvent(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), rows.getObject(7, OffsetDateTime.class),
                            rows.getString(8), rows.getString(9)));
                }
            }
        }
        return batch;
    }

    private void send(List<PendingEvent> batch) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            acks.add(producer.send(toRecord(event)));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(30, TimeUnit.SECONDS);
        }
    }

    private ProducerRecord<String, byte[]> toRecord(PendingEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEvents.SPECVERSION, bytes(CloudEvents.SPEC_VERSION));
        headers.add(CloudEvents.ID, bytes(event.id));
        headers.add(CloudEvents.SOURCE, bytes(config.source()));
        headers.add(CloudEvents.TYPE, bytes(event.type));
        headers.add(CloudEvents.TIME, bytes(RFC3339.format(event.createdAt)));
        headers.add(CloudEvents.CONTENT_TYPE, bytes(CloudEvents.JSON));
        if (event.key != null) {
            headers.add(CloudEvents.SUBJECT, bytes(event.key));
        }
        if (event.dataschema != null) {
            headers.add(CloudEvents.DATASCHEMA, bytes(config.dataschemaBase() + event.dataschema));
        }
        TraceContext.addHeaders(headers, event.traceparent);
        return new ProducerRecord<>(event.topic, null, event.key, bytes(event.payload), headers);
    }

    /**
     * The batch's seqs joined as rows, so each is one probe of the primary key whatever the plan cache holds (see
     * {@link ArrayColumns}): as {@code seq = any (?)} it took 48 ms per 500 events during a bulk import, 30 ms joined
     * (pg_stat_statements in bench/run.sh).
     */
    private void markPublished(Connection connection, List<PendingEvent> batch) throws SQLException {
        ArrayColumns.column("int8", batch.stream().map(e -> e.seq).toList()).executeUpdate(connection,
                "update outbox_event o set published_at = now() from unnest(cast(? as bigint[])) as sent (seq) "
                        + "where o.seq = sent.seq");
    }

    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgePublished() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "delete from outbox_event where published_at < now() - ?::interval")) {
            statement.setString(1, config.relay().retention().toSeconds() + " seconds");
            int purged = statement.executeUpdate();
            if (purged > 0) {
                LOG.infof("Outbox purged %d published events older than %s", purged, config.relay().retention());
            }
        }
    }

    Map<String, Object> producerConfig() {
        return ProducerSettings.of(kafkaClientConfig, "outbox-relay");
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private record PendingEvent(long seq, String id, String topic, String key, String type, String payload,
            OffsetDateTime createdAt, String traceparent, String dataschema) {
    }
}
