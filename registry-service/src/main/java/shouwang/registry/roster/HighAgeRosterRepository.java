package shouwang.registry.roster;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import shouwang.kit.paging.ListQuery;
import shouwang.kit.security.Scope;
import shouwang.registry.cadre.AgeBand;
import shouwang.registry.cadre.Cadre;
import shouwang.registry.cadre.CadreRepository;

/** The cadres that may be on a month's roster or on the previous month's, within a scope. */
@ApplicationScoped
public class HighAgeRosterRepository {

    @Inject
    EntityManager entityManager;

    @Inject
    CadreRepository cadres;

    /**
     * Aged 80+ on the month's last day, and neither dead nor gone before the previous month's first day. Loaded
     * read-only: at 100,000 cadres a month's roster holds ~18,000 of them.
     *
     * @param communityCode only this community; null for the whole scope
     */
    public List<Cadre> candidates(YearMonth month, String communityCode, Scope scope) {
        LocalDate since = month.minusMonths(1).atDay(1);
        ListQuery<Cadre> query = ListQuery.of(Cadre.class, "c")
                .eq("c.placement.communityCode", communityCode)
                .atMost("c.birthDate", AgeBand.bornBy(month.atEndOfMonth(), 80))
                .where("c.deceasedOn is null or c.deceasedOn >= :value", since)
                .where("c.movedAwayOn is null or c.movedAwayOn >= :value", since)
                .inScope(scope, "c.placement");
        return cadres.readOnly(() -> query.list(entityManager));
    }
}
