package shouwang.registry.cadre;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import shouwang.kit.paging.ListQuery;
import shouwang.kit.security.Scope;
import shouwang.registry.cadre.Codes.CadreStatus;
import shouwang.registry.cadre.Codes.Rank;
import shouwang.registry.cadre.Codes.RetirementType;

/** The filters of {@code GET /cadres} (null: not given), turned into one list query within the caller's scope. */
public record CadreSearch(String communityCode, String gridCode, String unitCode, AgeBand ageBand, Rank rank,
        RetirementType retirementType, CadreStatus status, String q, List<String> idNumberIndexes, Boolean keyServiceTarget,
        boolean missingContacts, Instant updatedSince) {

    /** Sorted by name, then id, so pages never overlap. */
    public ListQuery<Cadre> query(Scope scope, LocalDate today) {
        ListQuery<Cadre> query = ListQuery.of(Cadre.class, "c")
                .eq("c.placement.communityCode", communityCode)
                .eq("c.placement.gridCode", gridCode)
                .eq("c.placement.unitCode", unitCode)
                .eq("c.rank", rank)
                .eq("c.retirementType", retirementType)
                .eq("c.status", status)
                .where("c.idNumberIndex in :value", idNumberIndexes)
                .after("c.updatedAt", updatedSince)
                .inScope(scope, "c.placement")
                .orderBy("c.name asc, c.id asc");
        if (ageBand != null) {
            query.atMost("c.birthDate", AgeBand.bornBy(today, ageBand.from))
                    .after("c.birthDate", ageBand.to == null ? null : AgeBand.bornBy(today, ageBand.to));
        }
        if (q != null) {
            String like = "%" + q.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            query.where("lower(c.name) like :q or c.phone = :qExact", Map.of("q", like, "qExact", q));
        }
        LocalDate ninety = AgeBand.bornBy(today, 90);
        if (Boolean.TRUE.equals(keyServiceTarget) || missingContacts) {
            query.where("c.keyTargetByProfile = true or c.birthDate <= :value", ninety);
        } else if (Boolean.FALSE.equals(keyServiceTarget)) {
            query.where("c.keyTargetByProfile = false and c.birthDate > :value", ninety);
        }
        if (missingContacts) {
            query.where("c.status = :value and (c.contactLayers not like '%,UNIT,%'"
                    + " or c.contactLayers not like '%,COMMUNITY,%' or c.contactLayers not like '%,GRID,%')",
                    CadreStatus.ACTIVE);
        }
        return query;
    }
}
