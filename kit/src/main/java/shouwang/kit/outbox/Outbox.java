package shouwang.kit.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Session;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import shouwang.kit.events.CloudEvents;
import shouwang.kit.events.TraceContext;
import shouwang.kit.jdbc.CopyRows;

/**
 * Records an event in the caller's transaction. The event reaches Kafka only if that transaction commits, and it
 * reaches Kafka even if the process dies right after the commit: the relay picks the row up on the next start.
 */
@ApplicationScoped
public class Outbox {

    private static final String WAKE_REGISTERED = Outbox.class.getName() + ".wake";

    /** One event of a batch: see {@link #publish(String, String, Object)} for the meaning of each part. */
    public record Event(String topic, String key, Object event) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    TraceContext traces;

    /**
     * @param topic Kafka topic, e.g. {@code cadre-profiles}
     * @param key   record key, the cadre id where there is one
     * @param event a record, serialised as the JSON data of the CloudEvent; its class names the event
     *              ({@link shouwang.kit.events.EventName} or the simple name): {@code CadreRegistered} becomes
     *              {@code ce_type = shouwang.CadreRegistered.v1}
     * @return the event id, which becomes {@code ce_id}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String topic, String key, Object event) {
        UUID id = UUID.randomUUID();
        // A native insert makes Hibernate flush pending entity changes first, so the aggregate's row lock is taken
        // before the outbox sequence number: for one key, sequence order is commit order.
        entityManager.createNativeQuery(
                "insert into outbox_event (id, topic, event_key, event_type, payload, traceparent, dataschema) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, id)
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, typeOf(event))
                .setParameter(5, toJson(event))
                // typed: a null (no trace) must still bind as text
                .setParameter(6, new TypedParameterValue<>(StandardBasicTypes.STRING, traces.currentTraceparent()))
                .setParameter(7, CloudEvents.schemaOf(event.getClass()))
                .executeUpdate();
        wakeRelayAfterCommit();
        return id;
    }

    /**
     * Records many events in the caller's transaction with one COPY, in list order. For bulk work (imports),
     * where one native insert per event would flush the persistence context every time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> publishAll(List<Event> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        // As in publish(): pending entity changes (and their row locks) come before the sequence numbers.
        entityManager.flush();
        List<UUID> ids = new ArrayList<>(events.size());
        String traceparent = traces.currentTraceparent();
        CopyRows rows = CopyRows.into("outbox_event", "id", "topic", "event_key", "event_type", "payload",
                "traceparent", "dataschema");
        for (Event event : events) {
            UUID id = UUID.randomUUID();
            rows.row(id, event.topic(), event.key(), typeOf(event.event()), toJson(event.event()), traceparent,
                    CloudEvents.schemaOf(event.event().getClass()));
            ids.add(id);
        }
        // COPY, not a batch of inserts: the sequence still numbers the rows in list order, and 2,000 events cost one
        // stream instead of 2,000 binds
        entityManager.unwrap(Session.class).doWork(rows::writeTo);
        wakeRelayAfterCommit();
        return ids;
    }

    private static String typeOf(Object event) {
        return CloudEvents.typeOf(CloudEvents.nameOf(event.getClass()));
    }

    private String toJson(Object data) {
        try {
            return objectMapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data is not serialisable: " + data.getClass().getName(), e);
        }
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
