package shouwang.volunteer;

import java.util.UUID;

import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.Panache;

import shouwang.kit.problem.NotFoundException;

/** One row by id, or the 404 every read and change of a single record answers (a blank id included). */
public final class Rows {

    private Rows() {
    }

    public static <E> E require(Class<E> type, String what, UUID id) {
        E found = id == null ? null : Panache.getEntityManager(type).find(type, id);
        if (found == null) {
            throw new NotFoundException(what, id);
        }
        return found;
    }

    /** The row locked for update ({@code SELECT … FOR UPDATE}), so concurrent changes of it run one after another. */
    public static <E> E lock(Class<E> type, String what, UUID id) {
        E found = id == null ? null : Panache.getEntityManager(type).find(type, id, LockModeType.PESSIMISTIC_WRITE);
        if (found == null) {
            throw new NotFoundException(what, id);
        }
        return found;
    }

    /** The row a client id names, if a first call already made it (a retried create); null otherwise. */
    public static <E> E repeated(Class<E> type, UUID clientId) {
        return clientId == null ? null : Panache.getEntityManager(type).find(type, clientId);
    }
}
