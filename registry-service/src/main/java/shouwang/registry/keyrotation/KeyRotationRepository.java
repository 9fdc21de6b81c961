package shouwang.registry.keyrotation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The rows holding an ID number's ciphertext, by key version: {@code cadre} (cipher and blind index) and
 * {@code roster_frozen_entry} (cipher only, a copy of the cadre's when the month was frozen). The version is read
 * from the stored value's {@code vN:} prefix (none: version 1), the expression V6 indexes.
 */
@ApplicationScoped
public class KeyRotationRepository {

    private static final String VERSION = "coalesce(substring(id_number_cipher from '^v([0-9]+):')::int, 1)";
    /** Two ranges rather than {@code <>}, so the expression index finds them. */
    private static final String NOT_CURRENT = "(" + VERSION + " < ?1 or " + VERSION + " > ?1)";

    @Inject
    EntityManager entityManager;

    /** A cadre's row to re-encrypt. */
    public record CadreCipher(UUID id, String cipher) {
    }

    /** A frozen roster entry's row to re-encrypt. */
    public record EntryCipher(String month, UUID cadreId, String cipher) {
    }

    /** Rows by key version, both tables together. */
    public Map<Integer, Long> countsByVersion() {
        List<?> rows = entityManager.createNativeQuery("select version, sum(rows) from ("
                + "select " + VERSION + " as version, count(*) as rows from cadre group by 1 union all "
                + "select " + VERSION + ", count(*) from roster_frozen_entry group by 1) counted group by version")
                .getResultList();
        Map<Integer, Long> counts = new TreeMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            counts.put(((Number) columns[0]).intValue(), ((Number) columns[1]).longValue());
        }
        return counts;
    }

    /** Up to {@code limit} cadres not under {@code current}, locked; rows another transaction holds are skipped. */
    public List<CadreCipher> lockCadres(int current, int limit) {
        List<?> rows = entityManager.createNativeQuery("select id, id_number_cipher from cadre where " + NOT_CURRENT
                + " limit ?2 for update skip locked").setParameter(1, current).setParameter(2, limit).getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(columns -> new CadreCipher((UUID) columns[0], (String) columns[1])).toList();
    }

    public void updateCadre(UUID id, String cipher, String index) {
        entityManager.createNativeQuery("update cadre set id_number_cipher = ?1, id_number_index = ?2 where id = ?3")
                .setParameter(1, cipher).setParameter(2, index).setParameter(3, id).executeUpdate();
    }

    /** Up to {@code limit} frozen entries not under {@code current}, locked; as {@link #lockCadres}. */
    public List<EntryCipher> lockEntries(int current, int limit) {
        List<?> rows = entityManager.createNativeQuery("select month, cadre_id, id_number_cipher from roster_frozen_entry"
                + " where " + NOT_CURRENT + " limit ?2 for update skip locked").setParameter(1, current)
                .setParameter(2, limit).getResultList();
        return rows.stream().map(row -> (Object[]) row)
                .map(columns -> new EntryCipher((String) columns[0], (UUID) columns[1], (String) columns[2])).toList();
    }

    public void updateEntry(String month, UUID cadreId, String cipher) {
        entityManager.createNativeQuery(
                "update roster_frozen_entry set id_number_cipher = ?1 where month = ?2 and cadre_id = ?3")
                .setParameter(1, cipher).setParameter(2, month).setParameter(3, cadreId).executeUpdate();
    }
}
