package shouwang.kit.testapp;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import shouwang.kit.security.StreetCommunities;

/** The test application's street offices: JD001 has SQ001 and SQ002, JD002 has SQ003. */
@ApplicationScoped
public class DemoStreets implements StreetCommunities {

    private static final Map<String, Set<String>> COMMUNITIES = Map.of("JD001", Set.of("SQ001", "SQ002"), "JD002",
            Set.of("SQ003"));

    @Override
    public Set<String> communitiesOf(Set<String> streetCodes) {
        return streetCodes.stream()
                .flatMap(street -> COMMUNITIES.getOrDefault(street, Set.of()).stream())
                .collect(Collectors.toSet());
    }
}
