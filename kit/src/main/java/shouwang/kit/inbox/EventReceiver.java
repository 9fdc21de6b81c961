package shouwang.kit.inbox;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

import shouwang.kit.events.CloudEvents;
import shouwang.kit.events.ReceivedEvent;
import shouwang.kit.events.TraceContext;
import shouwang.kit.problem.DomainException;
import shouwang.kit.problem.Failures;

/**
 * Applies one Kafka record exactly once: parses the CloudEvent, turns its data into the handler's record, then in ONE
 * transaction records {@code (consumer, ce_id)} in the inbox and runs the handler. A redelivery finds the inbox row and does nothing. A record that cannot be
 * parsed or applied is rethrown as {@link PoisonRecordException}, which the channel's dead-letter strategy sends to
 * {@code <topic>.dlq} with the reason in the {@code dead-letter-reason} header; the consumer carries on.
 * Transient failures (database unavailable, lock conflicts) are retried a few times first.
 */
@ApplicationScoped
public class EventReceiver {

    private static final Logger LOG = Logger.getLogger(EventReceiver.class);
    private static final int ATTEMPTS = 4;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private volatile boolean stopping;

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Validator validator;

    @Inject
    DeadLetters deadLetters;

    @Inject
    ConsumerProgress progress;

    @Inject
    TraceContext traces;

    /**
     * Applies {@code record} with the handler its type has in {@code handlers}, exactly once per {@code ce_id}.
     * A type without a handler is skipped.
     */
    public void receive(EventHandlers handlers, ConsumerRecord<String, String> record) {
        Prepared prepared = prepare(handlers, record);
        if (prepared != null) {
            applyOne(handlers.consumer(), prepared);
        }
    }

    /**
     * Applies a poll's records (a channel with {@code batch=true}) exactly once per {@code ce_id}, in one
     * transaction: one multi-row insert-first into the inbox, then each first delivery's handler in record order (so
     * per key, per partition order holds). A record that cannot be parsed goes to the DLQ alone; when a handler
     * fails, the batch is rolled back and applied one record at a time, so only the failing record is dead-lettered.
     * With {@link EventHandlers#newestPerKey()} only the last event of each key in the batch is applied; a batch
     * handler ({@link EventHandlers#onAnyBatch}) gets its consecutive first deliveries in one call.
     */
    public void receiveBatch(EventHandlers handlers, Iterable<ConsumerRecord<String, String>> records) {
        String consumer = handlers.consumer();
        List<Prepared> ready = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                Prepared prepared = prepare(handlers, record);
                if (prepared != null) {
                    ready.add(prepared);
                }
            } catch (PoisonRecordException poison) {
                deadLetters.send(record, poison.getMessage());
            }
        }
        if (ready.isEmpty()) {
            return;
        }
        List<Prepared> effective = handlers.appliesNewestPerKeyOnly() ? newestPerKey(ready) : ready;
        List<String> ids = ready.stream().map(p -> p.event().id()).distinct().toList();
        for (int attempt = 1;; attempt++) {
            try {
                int applied = QuarkusTransaction.requiringNew().call(() -> {
                    Set<String> first = new HashSet<>(inbox.firstDeliveries(consumer, ids));
                    int count = 0;
                    List<Prepared> run = new ArrayList<>();
                    for (Prepared prepared : effective) {
                        // remove: the same ce_id twice in one batch is applied once
                        if (!first.remove(prepared.event().id())) {
                            continue;
                        }
                        count++;
                        if (prepared.handler().batched()) {
                            if (!run.isEmpty() && run.get(0).handler() != prepared.handler()) {
                                applyRun(consumer, run);
                            }
                            run.add(prepared);
                            continue;
                        }
                        // records of other handlers between: the run so far first, so record order holds
                        applyRun(consumer, run);
                        traces.consuming(consumer, prepared.event().name(), prepared.record().headers(), () -> {
                            prepared.apply();
                            return null;
                        });
                    }
                    applyRun(consumer, run);
                    return count;
                });
                progress.applied(consumer, newestTime(effective), applied);
                if (applied > 0) {
                    LOG.infof("%s applied %d of %d events in one batch", consumer, applied, ready.size());
                }
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw new RedeliverAfterRestart(consumer + " stops before applying a batch", e);
                }
                if (isInfrastructureFailure(e)) {
                    if (attempt == 1 || attempt % 20 == 0) {
                        LOG.warnf("%s cannot apply a batch of %d yet (attempt %d), retrying: %s", consumer,
                                ready.size(), attempt, PoisonReasons.of(e));
                    }
                    pause(attempt);
                    continue;
                }
                LOG.infof("%s applies a batch of %d one record at a time: %s", consumer, ready.size(),
                        PoisonReasons.of(e));
                for (Prepared prepared : ready) {
                    try {
                        applyOne(consumer, prepared);
                    } catch (RedeliverAfterRestart stop) {
                        throw stop;
                    } catch (PoisonRecordException poison) {
                        deadLetters.send(prepared.record(), poison.getMessage());
                    } catch (RuntimeException unexpected) {
                        deadLetters.send(prepared.record(), PoisonReasons.of(unexpected));
                    }
                }
                return;
            }
        }
    }

    /** A batch handler's consecutive records in one call, in the span of the run's first record; empties the run. */
    private void applyRun(String consumer, List<Prepared> run) {
        if (run.isEmpty()) {
            return;
        }
        Prepared head = run.get(0);
        traces.consuming(consumer, head.event().name(), head.record().headers(), () -> {
            head.handler().applyAll(run.stream().map(Prepared::data).toList());
            return null;
        });
        run.clear();
    }

    /** A record parsed and typed for its handler. */
    /** @param receivedAt when this consumer had the record in hand (epoch ms), for the DEBUG hop line */
    private record Prepared(ConsumerRecord<String, String> record, ReceivedEvent event,
            EventHandlers.Handler<?> handler, Object data, long receivedAt) {

        void apply() {
            handler.apply(data, event.envelope());
        }
    }

    /** Parsed and typed, or null when the consumer has no handler for the record's type. */
    private Prepared prepare(EventHandlers handlers, ConsumerRecord<String, String> record) {
        long receivedAt = System.currentTimeMillis();
        ReceivedEvent event = parse(record);
        handlers.requireKnown(event);
        EventHandlers.Handler<?> handler = handlers.handlerFor(event.type());
        if (handler == null) {
            LOG.debugf("%s ignores %s %s", handlers.consumer(), event.type(), event.id());
            return null;
        }
        return new Prepared(record, event, handler, typed(event, handler.type()), receivedAt);
    }

    private static OffsetDateTime newestTime(List<Prepared> prepared) {
        OffsetDateTime newest = null;
        for (Prepared p : prepared) {
            OffsetDateTime time = p.event().time();
            if (time != null && (newest == null || time.isAfter(newest))) {
                newest = time;
            }
        }
        return newest;
    }

    /** Keeps, in order, only each key's last record; records without a key are all kept. */
    private static List<Prepared> newestPerKey(List<Prepared> ready) {
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < ready.size(); i++) {
            String key = ready.get(i).record().key();
            if (key != null) {
                last.put(key, i);
            }
        }
        List<Prepared> kept = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            String key = ready.get(i).record().key();
            if (key == null || last.get(key) == i) {
                kept.add(ready.get(i));
            }
        }
        return kept;
    }

    private void applyOne(String consumer, Prepared prepared) {
        ReceivedEvent event = prepared.event();
        for (int attempt = 1;; attempt++) {
            try {
                // in a child span of the record's trace: what the handler publishes carries the trace on
                boolean applied = traces.consuming(consumer, event.name(), prepared.record().headers(),
                        () -> QuarkusTransaction.requiringNew().call(() -> {
                            if (!inbox.firstDelivery(consumer, event.id())) {
                                return false;
                            }
                            prepared.apply();
                            return true;
                        }));
                if (applied) {
                    progress.applied(consumer, event.time(), 1);
                    logHops(consumer, prepared);
                } else {
                    LOG.debugf("%s skipped duplicate event %s (%s)", consumer, event.id(), event.type());
                }
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    // during shutdown a failure says nothing about the record (beans may already be gone)
                    throw new RedeliverAfterRestart(consumer + " stops before applying " + event.id(), e);
                }
                if (isPoison(e)) {
                    throw new PoisonRecordException(event.name() + " " + event.id() + " cannot be applied: "
                            + PoisonReasons.of(e), e);
                }
                boolean infrastructure = isInfrastructureFailure(e);
                if (!infrastructure && attempt >= ATTEMPTS) {
                    throw e;
                }
                if (attempt == 1 || attempt % 20 == 0) {
                    LOG.warnf("%s cannot apply event %s yet (attempt %d, %s), retrying: %s", consumer, event.id(),
                            attempt, infrastructure ? "infrastructure" : "unexpected", PoisonReasons.of(e));
                }
                pause(attempt);
            }
        }
    }

    /**
     * The signal chain's hops for one applied record, at DEBUG (issue 13): {@code ce_time} is the outbox row's
     * created_at (the producing transaction), the record's timestamp the relay's send (CreateTime), then the poll
     * that handed it to this consumer, and now its commit: a slow chain shows whether it waited on the producer's
     * relay, on broker and poll, or on the apply.
     */
    private static void logHops(String consumer, Prepared prepared) {
        if (!LOG.isDebugEnabled() || prepared.event().time() == null) {
            return;
        }
        long written = prepared.event().time().toInstant().toEpochMilli();
        long sent = prepared.record().timestamp();
        long committed = System.currentTimeMillis();
        LOG.debugf("%s applied %s %s from %s-%d@%d: outbox to send %d ms, send to receive %d ms, receive to commit "
                + "%d ms", consumer, prepared.event().type(), prepared.event().id(), prepared.record().topic(),
                prepared.record().partition(), prepared.record().offset(), sent - written,
                prepared.receivedAt() - sent, committed - prepared.receivedAt());
    }

    /** The event's data as the handler's record: a missing or malformed field it requires is a poison record. */
    private <T> T typed(ReceivedEvent event, Class<T> type) {
        if (event.data() == null || event.data().isNull()) {
            throw new PoisonRecordException(event.name() + " " + event.id() + " has no data");
        }
        T data;
        try {
            data = objectMapper.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonRecordException(event.name() + " " + event.id() + " does not fit "
                    + type.getSimpleName() + ": " + PoisonReasons.of(e), e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new PoisonRecordException(event.name() + " " + event.id() + " is invalid: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining(", ")));
        }
        return data;
    }

    /** Binary mode (ce_* headers) as our producers write it; structured mode accepted from partner systems. */
    public ReceivedEvent parse(ConsumerRecord<String, String> record) {
        if (record.value() == null || record.value().isBlank()) {
            throw new PoisonRecordException("empty record value");
        }
        JsonNode body;
        try {
            body = objectMapper.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new PoisonRecordException("value is not JSON: " + PoisonReasons.withoutValues(e.getOriginalMessage()), e);
        }
        String id = CloudEvents.header(record.headers(), CloudEvents.ID);
        if (id == null && body.hasNonNull("specversion") && body.hasNonNull("id")) {
            return new ReceivedEvent(body.get("id").asText(), text(body, "type"), text(body, "source"),
                    time(text(body, "time")), text(body, "subject"), record.key(), body.get("data"));
        }
        if (id == null || id.isBlank()) {
            throw new PoisonRecordException("missing ce_id header");
        }
        String type = CloudEvents.header(record.headers(), CloudEvents.TYPE);
        if (type == null || type.isBlank()) {
            throw new PoisonRecordException("missing ce_type header");
        }
        return new ReceivedEvent(id, type, CloudEvents.header(record.headers(), CloudEvents.SOURCE),
                time(CloudEvents.header(record.headers(), CloudEvents.TIME)),
                CloudEvents.header(record.headers(), CloudEvents.SUBJECT), record.key(), body);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static OffsetDateTime time(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new PoisonRecordException("ce_time is not an RFC 3339 timestamp", e);
        }
    }

    private static boolean isPoison(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoisonRecordException || cause instanceof IllegalArgumentException
                    || cause instanceof JsonProcessingException || cause instanceof DomainException
                    || cause instanceof ConstraintViolationException || cause instanceof NullPointerException
                    || cause instanceof ClassCastException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Failures of the database or its connection, not of the record: worth waiting out. */
    static boolean isInfrastructureFailure(Throwable e) {
        return Failures.isInfrastructure(e);
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(Math.min(MAX_BACKOFF_MILLIS, 200L * attempt * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedeliverAfterRestart("interrupted while retrying", e);
        }
    }
}
