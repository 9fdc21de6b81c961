package shouwang.alert.common;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Transaction-scoped PostgreSQL advisory locks. Everything that opens or joins alerts for one cadre (REST intake,
 * partner events, profile arrival) runs under that cadre's lock, so two signals of one kind never open two alerts.
 */
@ApplicationScoped
public class Locks {

    private static final int CADRE = 0x41_4C_01;
    private static final int POLICY = 0x41_4C_02;

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void cadre(UUID cadreId) {
        lock(CADRE, cadreId.toString());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void policy() {
        lock(POLICY, "policy");
    }

    private void lock(int space, String key) {
        entityManager.createNativeQuery("select cast(pg_advisory_xact_lock(?1, hashtext(?2)) as text)")
                .setParameter(1, space)
                .setParameter(2, key)
                .getSingleResult();
    }
}
