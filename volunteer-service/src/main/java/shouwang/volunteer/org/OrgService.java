package shouwang.volunteer.org;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.security.OrgRecordHierarchy;

/**
 * The org read model from org-records: the communities of a street (a street officer's scope) and of a district (a
 * city district admin's scope), and the district events name (the queries are the kit's, shared with visit-service).
 * A record not newer than the one held is skipped.
 */
@ApplicationScoped
@Transactional
public class OrgService extends OrgRecordHierarchy {

    private static final Logger LOG = Logger.getLogger(OrgService.class);

    @Inject
    EntityManager em;

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
}
