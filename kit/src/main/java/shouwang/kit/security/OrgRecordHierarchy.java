package shouwang.kit.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import shouwang.kit.problem.ForbiddenException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.kit.problem.QueryParams;

/**
 * {@link OrgHierarchy} answered from a service's org-records read model: a JPA entity named {@code OrgRecord} with
 * {@code kind}, {@code code}, {@code parentCode} and {@code active} (a COMMUNITY's parent is its STREET, a STREET's its
 * DISTRICT), as visit-service and volunteer-service keep it. One set of queries, so the services cannot drift apart on
 * whom a street officer or a district admin sees, nor on the {@code districtCode} their events carry.
 */
public abstract class OrgRecordHierarchy implements OrgHierarchy {

    /** The service's persistence context holding its {@code OrgRecord} entity. */
    protected abstract EntityManager entityManager();

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> communitiesOfStreets(Set<String> streetCodes) {
        if (streetCodes.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(entityManager().createQuery("select o.code from OrgRecord o where o.kind = 'COMMUNITY' "
                + "and o.active and o.parentCode in (:streets)", String.class)
                .setParameter("streets", streetCodes).getResultList());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> communitiesOfDistricts(Set<String> districtCodes) {
        if (districtCodes.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(entityManager().createQuery("select c.code from OrgRecord c, OrgRecord s "
                + "where c.kind = 'COMMUNITY' and c.active and s.kind = 'STREET' and s.active "
                + "and c.parentCode = s.code and s.parentCode in (:districts)", String.class)
                .setParameter("districts", districtCodes).getResultList());
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasDistricts() {
        return !entityManager().createQuery("select o.code from OrgRecord o where o.kind = 'DISTRICT'", String.class)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * The district a community lies in (community → street → district), null when the org records do not tell (a
     * one-district deployment, or a street not yet placed): the {@code districtCode} events carry.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String districtOf(String communityCode) {
        if (communityCode == null) {
            return null;
        }
        List<String> districts = entityManager().createQuery("select s.parentCode from OrgRecord c, OrgRecord s "
                + "where c.kind = 'COMMUNITY' and c.code = :community and s.kind = 'STREET' and s.code = c.parentCode",
                String.class).setParameter("community", communityCode).getResultList();
        return districts.isEmpty() ? null : districts.get(0);
    }

    /** Community code → district code of every community whose street names its district (for batches, city views). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> districtsOfCommunities() {
        Map<String, String> districts = new HashMap<>();
        entityManager().createQuery("select c.code, s.parentCode from OrgRecord c, OrgRecord s "
                + "where c.kind = 'COMMUNITY' and s.kind = 'STREET' and s.code = c.parentCode "
                + "and s.parentCode is not null", Object[].class)
                .getResultList().forEach(row -> districts.put((String) row[0], (String) row[1]));
        return districts;
    }

    /**
     * A {@code districtCode} query parameter: blank is not given; otherwise an org code (letters, digits, '-', '_', at
     * most 50), else a 400 naming the parameter.
     */
    public static String districtParam(String raw) {
        String code = QueryParams.text(DISTRICT_PARAM, raw);
        if (code != null && !code.matches("[A-Za-z0-9_-]{1,50}")) {
            throw InvalidFieldsException.of(DISTRICT_PARAM,
                    "must be a district code: letters, digits, '-' or '_', at most 50");
        }
        return code;
    }

    /**
     * The communities a {@code districtCode} filter stands for, null when none is given: a 400 naming the parameter for
     * a code that is no active district of the org records (as registry- and alert-service answer), a 403 when the
     * caller does not cover that district (a district admin naming another one, or any caller below district admin).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> districtFilter(String districtCode, CallerScope caller) {
        if (districtCode == null) {
            return null;
        }
        if (entityManager().createQuery("select o.code from OrgRecord o where o.kind = 'DISTRICT' and o.code = :code "
                + "and o.active", String.class).setParameter("code", districtCode).getResultList().isEmpty()) {
            throw InvalidFieldsException.of(DISTRICT_PARAM, "is not a district of this deployment");
        }
        if (!caller.coversDistrict(districtCode)) {
            throw new ForbiddenException("District " + districtCode + " is outside your scope");
        }
        return communitiesOfDistricts(Set.of(districtCode));
    }

    /** The query parameter of the city views. */
    public static final String DISTRICT_PARAM = "districtCode";

    /** Code → name of every org record of one kind (for statistics headers). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> names(String kind) {
        Map<String, String> names = new HashMap<>();
        entityManager().createQuery("select o.code, o.name from OrgRecord o where o.kind = :kind", Object[].class)
                .setParameter("kind", kind).getResultList()
                .forEach(row -> names.put((String) row[0], (String) row[1]));
        return names;
    }
}
