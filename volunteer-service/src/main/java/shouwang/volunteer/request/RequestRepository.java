package shouwang.volunteer.request;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The service-request SQL the JPA model does not express: the scanner's batch of unanswered requests. */
@ApplicationScoped
public class RequestRepository {

    @Inject
    EntityManager entityManager;

    /**
     * Locks up to {@code limit} requests not yet escalated for their current step: REQUESTED since (creation or the
     * last decline) at or before {@code waitingForDispatchSince}, DISPATCHED at or before
     * {@code waitingForAcceptSince}. SKIP LOCKED: a request being changed right now (or taken by another replica's
     * scan) is left for the next pass; the partial indexes hold only the waiting requests.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> lockUnanswered(Instant waitingForDispatchSince, Instant waitingForAcceptSince, int limit) {
        return entityManager.createNativeQuery("""
                select id from service_request
                where (status = 'REQUESTED' and escalated_dispatch_at is null
                       and coalesce(last_declined_at, created_at) <= ?1)
                   or (status = 'DISPATCHED' and escalated_accept_at is null and dispatched_at <= ?2)
                order by created_at limit ?3 for update skip locked""")
                .setParameter(1, utc(waitingForDispatchSince))
                .setParameter(2, utc(waitingForAcceptSince))
                .setParameter(3, limit)
                .getResultList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
