package shouwang.visit.org;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import shouwang.kit.security.OrgRecordHierarchy;

/**
 * The org read model from org-records: which communities a street and a district have (a street officer's and a
 * city district admin's scope; the queries are the kit's, shared with volunteer-service), the district of a community
 * (events, city views), and the names statistics and worklists show. A record older than the one held is skipped.
 */
@ApplicationScoped
@Transactional
public class OrgService extends OrgRecordHierarchy {

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
    protected EntityManager entityManager() {
        return em;
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
}
