package shouwang.registry.org;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * What a deactivation must check, and the communities of streets and districts. Cadres are counted with SQL on their table: the
 * org package knows no cadre class (the cadre package depends on org, never the other way).
 */
@ApplicationScoped
public class OrgRepository {

    @Inject
    EntityManager entityManager;

    /** ACTIVE cadres whose unit, community or grid ({@code column}) is {@code code}. */
    long activeCadres(String column, String code) {
        if (!Set.of("unit_code", "community_code", "grid_code").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return ((Number) entityManager.createNativeQuery(
                "select count(*) from cadre where status = 'ACTIVE' and " + column + " = ?1")
                .setParameter(1, code).getSingleResult()).longValue();
    }

    long activeCommunitiesOf(String streetCode) {
        return Community.count("streetCode = ?1 and active = true", streetCode);
    }

    long activeGridsOf(String communityCode) {
        return Grid.count("communityCode = ?1 and active = true", communityCode);
    }

    long activeStreetsOf(String districtCode) {
        return Street.count("districtCode = ?1 and active = true", districtCode);
    }

    /** Whether any district record exists (active or not): then the deployment serves a city. */
    boolean hasDistricts() {
        return District.count() > 0;
    }

    /** The active communities of the active streets of these districts, when the district itself is active. */
    Set<String> communitiesOfActiveDistricts(Collection<String> districtCodes) {
        if (districtCodes.isEmpty()) {
            return Set.of();
        }
        List<String> codes = entityManager.createQuery("select c.code from Community c, Street s, District d "
                + "where s.code = c.streetCode and d.code = s.districtCode and d.active = true and s.active = true "
                + "and c.active = true and d.code in :districts", String.class)
                .setParameter("districts", districtCodes).getResultList();
        return Set.copyOf(codes);
    }

    /** The active communities of these streets, when the street itself is active. */
    Set<String> communitiesOfActiveStreets(Collection<String> streetCodes) {
        if (streetCodes.isEmpty()) {
            return Set.of();
        }
        List<String> codes = entityManager.createQuery("select c.code from Community c, Street s "
                + "where s.code = c.streetCode and s.active = true and c.active = true and s.code in :streets",
                String.class).setParameter("streets", streetCodes).getResultList();
        return Set.copyOf(codes);
    }
}
