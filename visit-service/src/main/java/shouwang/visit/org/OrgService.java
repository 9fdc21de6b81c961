package shouwang.visit.org;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import shouwang.kit.security.OrgHierarchy;

/**
 * The org read model from org-records: which communities a street has (a street officer's scope), and the names
 * statistics and worklists show. A record older than the one held is skipped.
 */
@ApplicationScoped
@Transactional
public class OrgService implements OrgHierarchy {

    private static final Logger LOG = Logger.getLogger(OrgService.class);

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    public void apply(OrgRecordChanged change) {
        OrgRecord record = em.find(OrgRecord.class, new OrgRecord.Key(change.kind(), change.code()),
                LockModeType.PESSIMISTIC_WRITE);
        if (record != null && record.version >= change.version()) {
            LOG.debugf("Ignored org record %s:%s version %d (holding %d)", change.kind(), change.code(),
                    change.version(), record.version);
            return;
        }
        boolean known = record != null;
        if (!known) {
            record = new OrgRecord();
            record.kind = change.kind();
            record.code = change.code();
        }
        record.name = change.name();
        record.parentCode = change.parentCode();
        record.active = !Boolean.FALSE.equals(change.active());
        record.version = change.version();
        record.updatedAt = change.updatedAt();
        try {
            record.people = json.writeValueAsString(change.people() == null ? List.of() : change.people());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("people not writable", e);
        }
        if (!known) {
            em.persist(record);
        }
        LOG.infof("Org record %s:%s version %d applied (active %s)", record.kind, record.code, record.version,
                record.active);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> communitiesOfStreets(Set<String> streetCodes) {
        if (streetCodes.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createQuery("select o.code from OrgRecord o where o.kind = 'COMMUNITY' and o.active "
                + "and o.parentCode in (:streets)", String.class)
                .setParameter("streets", streetCodes).getResultList());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> communitiesOfDistricts(Set<String> districtCodes) {
        if (districtCodes.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createQuery("select c.code from OrgRecord c, OrgRecord s where c.kind = 'COMMUNITY' "
                + "and c.active and s.kind = 'STREET' and s.active and c.parentCode = s.code "
                + "and s.parentCode in (:districts)", String.class)
                .setParameter("districts", districtCodes).getResultList());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasDistricts() {
        return !em.createQuery("select o.code from OrgRecord o where o.kind = 'DISTRICT'", String.class)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The street a community belongs to, if the org records tell. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> streetOf(String communityCode) {
        return find("COMMUNITY", communityCode).map(o -> o.parentCode);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OrgRecord> find(String kind, String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(em.find(OrgRecord.class, new OrgRecord.Key(kind, code)));
    }

    /** Code → name of every org record of one kind (for statistics headers). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> names(String kind) {
        Map<String, String> names = new HashMap<>();
        em.createQuery("select o.code, o.name from OrgRecord o where o.kind = :kind", Object[].class)
                .setParameter("kind", kind).getResultList()
                .forEach(row -> names.put((String) row[0], (String) row[1]));
        return names;
    }
}
