package shouwang.kit.inbox;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/** Insert-first deduplication: the primary key (consumer, ce_id), not a prior read, decides. */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager entityManager;

    /** True the first time; false for a redelivery. Must run in the transaction of the consumer's effect. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        int inserted = entityManager.createNativeQuery(
                "insert into inbox_message (consumer, ce_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * The first deliveries among {@code eventIds}, in one statement for a whole batch: the ids this consumer has not
     * seen before (each now recorded). Must run in the transaction of the batch's effects.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Set<String> first = new HashSet<>();
            Array ids = connection.createArrayOf("varchar", eventIds.toArray());
            try (PreparedStatement insert = connection.prepareStatement("insert into inbox_message (consumer, ce_id)"
                    + " select ?, id from unnest(?) as id on conflict do nothing returning ce_id")) {
                insert.setString(1, consumer);
                insert.setArray(2, ids);
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        first.add(inserted.getString(1));
                    }
                }
            } finally {
                ids.free();
            }
            return first;
        });
    }
}
