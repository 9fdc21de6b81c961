package shouwang.kit.testapp;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import shouwang.kit.security.OrgHierarchy;

/**
 * The test application's org tree: district QX01 has street JD001 (SQ001, SQ002), district QX02 has JD002 (SQ003).
 * Whether the deployment knows its districts yet is the test's to say ({@link #city(boolean)}), as an upgrade would.
 */
@ApplicationScoped
public class DemoOrgHierarchy implements OrgHierarchy {

    private static final Map<String, Set<String>> COMMUNITIES = Map.of("JD001", Set.of("SQ001", "SQ002"), "JD002",
            Set.of("SQ003"));
    private static final Map<String, Set<String>> STREETS = Map.of("QX01", Set.of("JD001"), "QX02", Set.of("JD002"));

    /** False: a one-district deployment (no district records); true once a city has created its districts. */
    private volatile boolean city;

    /** A method, not a field: the test holds a client proxy, whose own fields are not the bean's. */
    public void city(boolean knowsDistricts) {
        city = knowsDistricts;
    }

    @Override
    public Set<String> communitiesOfStreets(Set<String> streetCodes) {
        return streetCodes.stream()
                .flatMap(street -> COMMUNITIES.getOrDefault(street, Set.of()).stream())
                .collect(Collectors.toSet());
    }

    @Override
    public Set<String> communitiesOfDistricts(Set<String> districtCodes) {
        if (!city) {
            return Set.of();
        }
        return communitiesOfStreets(districtCodes.stream()
                .flatMap(district -> STREETS.getOrDefault(district, Set.of()).stream())
                .collect(Collectors.toSet()));
    }

    @Override
    public boolean hasDistricts() {
        return city;
    }
}
