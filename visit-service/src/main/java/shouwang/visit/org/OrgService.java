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

    /**
     * A {@code districtCode} query parameter: blank is not given; otherwise an org code (letters, digits, '-', '_', at
     * most 50), else a 400 naming the parameter.
     */
    public static String districtParam(String raw) {
        String code = shouwang.kit.problem.QueryParams.text(DISTRICT_PARAM, raw);
        if (code != null && !code.matches("[A-Za-z0-9_-]{1,50}")) {
            throw shouwang.kit.problem.InvalidFieldsException.of(DISTRICT_PARAM,
                    "must be a district code: letters, digits, '-' or '_', at most 50");
        }
        return code;
    }

    /**
     * The communities a {@code districtCode} filter stands for, null when none is given: a 403 when the caller does not
     * cover that district (a district admin naming another one, or any caller below district admin), an empty set
     * for a district the org records do not know (its views are simply empty).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> districtFilter(String districtCode, shouwang.kit.security.CallerScope caller) {
        if (districtCode == null) {
            return null;
        }
        if (!caller.coversDistrict(districtCode)) {
            throw new shouwang.kit.problem.ForbiddenException("District " + districtCode + " is outside your scope");
        }
        return communitiesOfDistricts(Set.of(districtCode));
    }

    /** The query parameter of the city views. */
    public static final String DISTRICT_PARAM = "districtCode";

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
