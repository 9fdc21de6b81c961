package shouwang.volunteer.roster;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The volunteer rows SQL writes directly: a first registration the unique indexes arbitrate. */
@ApplicationScoped
public class VolunteerRepository {

    @Inject
    EntityManager entityManager;

    /**
     * Inserts the volunteer unless the cadre, or the resident's phone, already has one (concurrent first sign-ups of
     * one person must not make two). Returns whether this call inserted it.
     */
    public boolean insertIfAbsent(UUID id, UUID cadreId, String name, String phone, String communityCode,
            Instant now) {
        return entityManager.createNativeQuery("""
                insert into volunteer (id, cadre_id, name, phone, community_code, balance, created_at, updated_at)
                values (?1, ?2, ?3, ?4, ?5, 0, ?6, ?6) on conflict do nothing""")
                .setParameter(1, id)
                .setParameter(2, cadreId)
                .setParameter(3, name)
                .setParameter(4, phone)
                .setParameter(5, communityCode)
                .setParameter(6, now)
                .executeUpdate() == 1;
    }
}
