package shouwang.kit.inbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import shouwang.kit.events.CloudEvents;
import shouwang.kit.events.Envelope;
import shouwang.kit.events.ReceivedEvent;

/**
 * What one consumer does with each event type of its topic, declared by type (after eventuate-tram's
 * {@code onEvent(Type.class, handler)}):
 * <pre>{@code EventHandlers.of("visit-service.alerts")
 *         .on(MustVisitRequired.class, tasks::create)
 *         .on(AlertResolved.class, tasks::cancelOpenOf)}</pre>
 * The kit deserialises the data into the handler's record (unknown fields ignored: each consumer keeps a record of
 * only the fields it reads) and validates its Bean Validation constraints; a record that does not fit is a poison
 * record. Event types with no handler are skipped.
 *
 * @param consumer the inbox's consumer name, {@code <service>.<topic>}; it scopes the {@code ce_id} dedupe
 */
public final class EventHandlers {

    /**
     * A handler with the record and its envelope (id, source, time); or, with {@code batchEffect}, one that takes a
     * batch's records at once (then {@code effect} is null and a single record is a batch of one).
     */
    record Handler<T>(Class<T> type, BiConsumer<T, Envelope> effect, Consumer<List<T>> batchEffect) {

        Handler(Class<T> type, BiConsumer<T, Envelope> effect) {
            this(type, effect, null);
        }

        void apply(Object data, Envelope envelope) {
            if (batchEffect != null) {
                batchEffect.accept(List.of(type.cast(data)));
            } else {
                effect.accept(type.cast(data), envelope);
            }
        }

        boolean batched() {
            return batchEffect != null;
        }

        void applyAll(List<Object> data) {
            batchEffect.accept(data.stream().map(type::cast).toList());
        }
    }

    private final String consumer;
    private final Map<String, Handler<?>> byType = new LinkedHashMap<>();
    private Handler<?> fallback;
    private boolean newestPerKey;
    private String topic;
    private Set<String> knownEventNames;

    private EventHandlers(String consumer) {
        this.consumer = Objects.requireNonNull(consumer);
    }

    public static EventHandlers of(String consumer) {
        return new EventHandlers(consumer);
    }

    /** Events named after {@code type} ({@link CloudEvents#nameOf}) go to {@code handler}. */
    public <T> EventHandlers on(Class<T> type, Consumer<? super T> handler) {
        return onWithEnvelope(type, (data, envelope) -> handler.accept(data));
    }

    public <T> EventHandlers onWithEnvelope(Class<T> type, BiConsumer<? super T, Envelope> handler) {
        return register(CloudEvents.nameOf(type), type, handler);
    }

    /** Events of the given names all carry the same data (e.g. the care-signal kinds, all alike). */
    public <T> EventHandlers onNamed(Iterable<String> eventNames, Class<T> type,
            BiConsumer<? super T, Envelope> handler) {
        for (String name : eventNames) {
            register(name, type, handler);
        }
        return this;
    }

    /**
     * Every event type of the topic that has no handler of its own carries this data: on {@code cadre-profiles}
     * each event is the full profile, so all are applied alike.
     */
    public <T> EventHandlers onAny(Class<T> type, Consumer<? super T> handler) {
        return onAnyWithEnvelope(type, (data, envelope) -> handler.accept(data));
    }

    /**
     * Like {@link #onAny}, but {@link EventReceiver#receiveBatch} hands the handler all first deliveries of a batch at
     * once, in record order (one list per run of such records), so it can read and write them with one statement each
     * instead of one per record. A redelivered or single record is a list of one. For read models fed by bulk loads.
     */
    public <T> EventHandlers onAnyBatch(Class<T> type, Consumer<List<T>> handler) {
        fallback = new Handler<>(type, null, handler);
        return this;
    }

    public <T> EventHandlers onAnyWithEnvelope(Class<T> type, BiConsumer<? super T, Envelope> handler) {
        fallback = new Handler<>(type, castEffect(handler));
        return this;
    }

    /**
     * Within one batch ({@link EventReceiver#receiveBatch}), of several events with the same record key only the last
     * is applied; the others are recorded as delivered. For topics whose every event is the key's complete current
     * state (the compacted {@code cadre-profiles}, {@code org-records}), where applying the older ones is wasted work.
     */
    public EventHandlers newestPerKey() {
        newestPerKey = true;
        return this;
    }

    /**
     * Only these event names belong to {@code topicName} (its contract's list): any other type is a poison record,
     * dead-lettered with that reason, so a producer ahead of this service, or a forged record, is seen in the DLQ
     * instead of vanishing (or, with {@link #onAny}, being applied as if it were one of them).
     */
    public EventHandlers knownEvents(String topicName, Set<String> eventNames) {
        topic = Objects.requireNonNull(topicName);
        knownEventNames = Set.copyOf(eventNames);
        return this;
    }

    /** A poison record when the topic's contract does not list this event's type. */
    void requireKnown(ReceivedEvent event) {
        if (knownEventNames != null && !knownEventNames.contains(event.name())) {
            throw new PoisonRecordException("unknown event type " + event.type() + " on " + topic);
        }
    }

    boolean appliesNewestPerKeyOnly() {
        return newestPerKey;
    }

    public String consumer() {
        return consumer;
    }

    /** The handler for a {@code ce_type}, or null when the consumer ignores that type. */
    Handler<?> handlerFor(String ceType) {
        Handler<?> handler = byType.get(CloudEvents.eventNameOf(ceType));
        return handler != null ? handler : fallback;
    }

    private <T> EventHandlers register(String eventName, Class<T> type, BiConsumer<? super T, Envelope> handler) {
        if (byType.putIfAbsent(eventName, new Handler<>(type, castEffect(handler))) != null) {
            throw new IllegalStateException(consumer + " declares two handlers for " + eventName);
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    private static <T> BiConsumer<T, Envelope> castEffect(BiConsumer<? super T, Envelope> handler) {
        return (BiConsumer<T, Envelope>) handler;
    }
}
