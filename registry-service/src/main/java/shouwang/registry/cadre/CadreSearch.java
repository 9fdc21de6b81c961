package shouwang.registry.cadre;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.panache.common.Parameters;

import shouwang.kit.security.Scope;
import shouwang.registry.cadre.Codes.CadreStatus;
import shouwang.registry.cadre.Codes.Rank;
import shouwang.registry.cadre.Codes.RetirementType;

/** The filters of {@code GET /cadres}, turned into one HQL condition with the caller's scope. */
public record CadreSearch(String communityCode, String gridCode, String unitCode, AgeBand ageBand, Rank rank,
        RetirementType retirementType, CadreStatus status, String q, String idNumberIndex, Boolean keyServiceTarget,
        boolean missingContacts, Instant updatedSince) {

    public record Condition(String where, Parameters parameters) {
    }

    public Condition condition(Scope scope, LocalDate today) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (!scope.districtWide()) {
            List<String> any = new ArrayList<>();
            if (!scope.communityCodes().isEmpty()) {
                any.add("communityCode in :scopeCommunities");
                parameters.and("scopeCommunities", scope.communityCodes());
            }
            if (!scope.gridCodes().isEmpty()) {
                any.add("gridCode in :scopeGrids");
                parameters.and("scopeGrids", scope.gridCodes());
            }
            if (!scope.unitCodes().isEmpty()) {
                any.add("unitCode in :scopeUnits");
                parameters.and("scopeUnits", scope.unitCodes());
            }
            where.add(any.isEmpty() ? "1 = 0" : "(" + String.join(" or ", any) + ")");
        }
        equal(where, parameters, "communityCode", communityCode);
        equal(where, parameters, "gridCode", gridCode);
        equal(where, parameters, "unitCode", unitCode);
        equal(where, parameters, "rank", rank);
        equal(where, parameters, "retirementType", retirementType);
        equal(where, parameters, "status", status);
        equal(where, parameters, "idNumberIndex", idNumberIndex);
        if (ageBand != null) {
            where.add("birthDate <= :bandOldest");
            parameters.and("bandOldest", AgeBand.bornBy(today, ageBand.from));
            if (ageBand.to != null) {
                where.add("birthDate > :bandYoungest");
                parameters.and("bandYoungest", AgeBand.bornBy(today, ageBand.to));
            }
        }
        if (q != null && !q.isBlank()) {
            where.add("(lower(name) like :q or phone = :qExact)");
            parameters.and("q", "%" + q.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            parameters.and("qExact", q.trim());
        }
        if (Boolean.TRUE.equals(keyServiceTarget) || missingContacts) {
            where.add("(keyTargetByProfile = true or birthDate <= :ninety)");
            parameters.and("ninety", AgeBand.bornBy(today, 90));
        } else if (Boolean.FALSE.equals(keyServiceTarget)) {
            where.add("(keyTargetByProfile = false and birthDate > :ninety)");
            parameters.and("ninety", AgeBand.bornBy(today, 90));
        }
        if (missingContacts) {
            where.add("status = :active and (contactLayers not like '%,UNIT,%' or contactLayers not like '%,COMMUNITY,%'"
                    + " or contactLayers not like '%,GRID,%')");
            parameters.and("active", CadreStatus.ACTIVE);
        }
        if (updatedSince != null) {
            where.add("updatedAt > :updatedSince");
            parameters.and("updatedSince", updatedSince);
        }
        return new Condition(where.isEmpty() ? "1 = 1" : String.join(" and ", where), parameters);
    }

    private static void equal(List<String> where, Parameters parameters, String field, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            where.add(field + " = :" + field);
            parameters.and(field, value instanceof String text ? text.trim() : value);
        }
    }
}
