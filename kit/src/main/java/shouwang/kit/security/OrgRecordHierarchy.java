package shouwang.kit.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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
}
