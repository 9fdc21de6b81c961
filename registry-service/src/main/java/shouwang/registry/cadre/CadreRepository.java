package shouwang.registry.cadre;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.hibernate.Session;

/** The cadre queries that are more than a filtered list: lookups by blind index, and read-only loading. */
@ApplicationScoped
public class CadreRepository {

    @Inject
    EntityManager entityManager;

    /**
     * Runs a query whose cadres are only read: they are never dirty-checked at commit (a roster loads 18,000 of them,
     * with JSON-converted columns; checking them cost seconds).
     */
    public <T> T readOnly(Supplier<T> query) {
        Session session = entityManager.unwrap(Session.class);
        boolean before = session.isDefaultReadOnly();
        session.setDefaultReadOnly(true);
        try {
            return query.get();
        } finally {
            session.setDefaultReadOnly(before);
        }
    }

    /** The cadre with one of these blind indexes (one number's, under every configured key version). */
    public Cadre byIdNumberIndex(List<String> indexes) {
        return Cadre.find("idNumberIndex in ?1", indexes).firstResult();
    }

    /** The blind index of every registered cadre (100,000 are ~7 MB). */
    public Set<String> allIdNumberIndexes() {
        return new HashSet<>(entityManager.createQuery("select idNumberIndex from Cadre", String.class).getResultList());
    }

    /** The registered cadres among these blind indexes (an import chunk's, up to a thousand). */
    public List<Cadre> byIdNumberIndexes(Collection<String> indexes) {
        // planner statistics lag behind a table that grows by thousands of rows a second: without this, the
        // lookup became a sequential scan comparing every row with a thousand parameters
        entityManager.createNativeQuery("set local enable_seqscan = off").executeUpdate();
        return entityManager.createQuery("from Cadre where idNumberIndex in :indexes", Cadre.class)
                .setParameter("indexes", indexes).getResultList();
    }

    /** The members of a household, locked for the change (in id order, like every lock of several cadres). */
    public List<Cadre> household(UUID householdId) {
        if (householdId == null) {
            return List.of();
        }
        return entityManager.createQuery("from Cadre where householdId = :household order by id", Cadre.class)
                .setParameter("household", householdId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /** The members of a party branch, in name order, for a page of them (read only). */
    public List<Cadre> inBranch(String branchCode) {
        return entityManager.createQuery("from Cadre where partyBranchCode = :branch order by name, id", Cadre.class)
                .setParameter("branch", branchCode).getResultList();
    }
}
