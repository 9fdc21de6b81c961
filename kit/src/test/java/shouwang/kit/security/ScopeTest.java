package shouwang.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ScopeTest {

    @Test
    void aCadreIsInScopeWhenAnyOfItsPlacementsIsListed() {
        Scope liaison = new Scope(false, Set.of(), Set.of(), Set.of("DW001"));

        assertThat(liaison.covers(new Placement("SQ009", "SQ009-WG01", "DW001"))).isTrue();
        assertThat(liaison.covers(new Placement("SQ001", "SQ001-WG01", "DW002"))).isFalse();
        assertThat(liaison.covers((Placement) null)).isFalse();
    }

    @Test
    void theScopeBecomesOneConditionOverThePlacementColumns() {
        Map<String, Object> params = new HashMap<>();
        String jpql = new Scope(false, Set.of("SQ001"), Set.of(), Set.of("DW001")).jpql("t.placement", params);

        assertThat(jpql).isEqualTo("(t.placement.communityCode in (:scopeCommunities)"
                + " or t.placement.unitCode in (:scopeUnits))");
        assertThat(params).containsEntry("scopeCommunities", List.of("SQ001")).containsEntry("scopeUnits",
                List.of("DW001"));
    }

    @Test
    void aDistrictWideScopeAddsNothingAndAnEmptyScopeMatchesNothing() {
        Map<String, Object> params = new HashMap<>();

        assertThat(Scope.everything().sql("c", params)).isEqualTo("1 = 1");
        assertThat(new Scope(false, Set.of(), Set.of(), Set.of()).sql("c", params)).isEqualTo("1 = 0");
        assertThat(params).isEmpty();
    }
}
