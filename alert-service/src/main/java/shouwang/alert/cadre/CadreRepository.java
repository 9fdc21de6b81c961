package shouwang.alert.cadre;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The cadre read model: profiles, their contacts, and the per-cadre lock everything that opens alerts takes. */
@ApplicationScoped
public class CadreRepository {

    /** Advisory lock space of the per-cadre lock (kept from earlier releases, so replicas of both agree). */
    private static final int CADRE_LOCKS = 0x41_4C_01;
    private static final TypeReference<List<Contact>> CONTACTS = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    public CadreProfile find(UUID cadreId) {
        return CadreProfile.findById(cadreId);
    }

    /**
     * Transaction-scoped PostgreSQL advisory lock on one cadre. Everything that opens or joins alerts for a cadre
     * (REST intake, partner events, routine lapses, profile arrival) runs under it, so two signals of one kind never
     * open two alerts.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID cadreId) {
        entityManager.createNativeQuery("select cast(pg_advisory_xact_lock(?1, hashtext(?2)) as text)")
                .setParameter(1, CADRE_LOCKS)
                .setParameter(2, cadreId.toString())
                .getSingleResult();
    }

    /** The community a grid lies in, as the profiles received show it; null when no known cadre lives there. */
    public String communityOfGrid(String gridCode) {
        List<String> found = entityManager.createQuery("select c.placement.communityCode from CadreProfile c "
                + "where c.placement.gridCode = ?1 and c.placement.communityCode is not null", String.class)
                .setParameter(1, gridCode)
                .setMaxResults(1)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    public List<Contact> contacts(CadreProfile profile) {
        try {
            return objectMapper.readValue(profile.contacts, CONTACTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored contacts of cadre " + profile.id + " are not JSON", e);
        }
    }

    String toJson(List<Contact> contacts) {
        try {
            return objectMapper.writeValueAsString(contacts == null ? List.of() : contacts);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("contacts are not serialisable", e);
        }
    }
}
