package shouwang.visit.coverage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import shouwang.kit.clock.Clock;
import shouwang.kit.events.EventName;
import shouwang.kit.outbox.Outbox;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.security.Scope;
import shouwang.visit.Layer;
import shouwang.visit.Risk;
import shouwang.visit.Topics;
import shouwang.visit.coverage.CoverageDto.Overdue;
import shouwang.visit.coverage.CoverageRepository.Cadres;
import shouwang.visit.coverage.CoverageRepository.Counts;
import shouwang.visit.org.OrgService;
import shouwang.visit.policy.Policies;
import shouwang.visit.policy.PolicyService;

/**
 * 不漏一人: for every active cadre, each layer its risk profile requires is due one cadence after its latest counting
 * contact (or, before any contact, after the cadre first appeared / the pairing started). Past that day it is overdue.
 * The database computes it ({@link CoverageRepository}); this service pages it and announces lapses.
 */
@ApplicationScoped
public class CoverageService {

    private static final Logger LOG = Logger.getLogger(CoverageService.class);

    /** Cadres per lapse-scan transaction: bounds the rows, events and time of one transaction. */
    static final int LAPSE_CHUNK = 2_000;

    @Inject
    CoverageRepository repository;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    OrgService orgs;

    @Inject
    PolicyService policies;

    /**
     * Coverage on {@code day} (null: today).
     *
     * @param districtCommunities the communities of the {@code districtCode} filter, null when none is given
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CoverageDto coverage(Scope scope, String communityCode, String gridCode, String districtCode,
            Set<String> districtCommunities, LocalDate day, PageRequest page) {
        LocalDate on = day != null ? day : clock.today();
        Cadres cadres = Cadres.inScope(scope, communityCode, gridCode, districtCommunities);
        Policies inForce = policies.inForce();
        List<Overdue> items = repository.overduePage(cadres, inForce, on, page.offset(), page.size());
        Counts counts = repository.counts(cadres, inForce, on);
        return new CoverageDto(on, communityCode, items, page.page(), page.size(), counts.overdue(), counts.cadres(),
                counts.overdueCadres(), counts.overdueByLayer(), counts.byCommunity(), counts.byGrid(), districtCode,
                byDistrict(counts.byCommunity()));
    }

    /** The communities' totals folded by district, from the same counts (no second pass over the cadres). */
    private Map<String, CoverageDto.Totals> byDistrict(Map<String, CoverageDto.Totals> byCommunity) {
        Map<String, String> districts = orgs.districtsOfCommunities();
        Map<String, CoverageDto.Totals> byDistrict = new TreeMap<>();
        byCommunity.forEach((community, totals) -> byDistrict.merge(districts.getOrDefault(community, ""), totals,
                CoverageDto.Totals::plus));
        return byDistrict;
    }

    /**
     * Announces each lapse once (VisitMissed, kind ROUTINE), sweeping the cadres in chunks of {@value #LAPSE_CHUNK},
     * each chunk one transaction: the routine_lapse key (cadre, layer, due day) makes a repeat scan, or a second
     * replica, announce nothing new, and no chunk holds more than its own rows. Returns how many were announced.
     *
     * @param progress called after every chunk (the scanner's heartbeat)
     */
    @Transactional(Transactional.TxType.NEVER)
    public int raiseLapses(LocalDate today, Runnable progress) {
        return raiseLapses(today, LAPSE_CHUNK, progress);
    }

    @Transactional(Transactional.TxType.NEVER)
    int raiseLapses(LocalDate today, int chunkSize, Runnable progress) {
        int raised = 0;
        UUID after = CoverageRepository.BEFORE_FIRST;
        for (List<UUID> ids; !(ids = repository.nextChunk(after, chunkSize)).isEmpty(); after = ids.get(ids.size() - 1)) {
            Cadres chunk = Cadres.chunk(ids);
            raised += QuarkusTransaction.requiringNew().call(() -> raiseLapses(chunk, today));
            progress.run();
        }
        return raised;
    }

    public int raiseLapses(LocalDate today) {
        return raiseLapses(today, () -> { });
    }

    private int raiseLapses(Cadres chunk, LocalDate today) {
        List<Overdue> lapses = repository.recordNewLapses(chunk, policies.inForce(), today);
        Instant now = clock.now();
        Map<String, String> districts = lapses.isEmpty() ? Map.of() : orgs.districtsOfCommunities();
        outbox.publishAll(lapses.stream().map(o -> new Outbox.Event(Topics.VISITS, o.cadreId().toString(),
                new RoutineVisitMissed("ROUTINE", null, null, o.cadreId(), o.layer(), o.orgCode(), null,
                        clock.startOf(o.dueOn().plusDays(1)), now, o.daysOverdue(), o.risk(), o.dueOn(),
                        o.communityCode(), o.gridCode(), o.unitCode(), districts.get(o.communityCode())))).toList());
        for (Overdue o : lapses) {
            LOG.infof("Routine lapse: cadre %s layer %s org %s due %s, %d days overdue", o.cadreId(), o.layer(),
                    o.orgCode(), o.dueOn(), o.daysOverdue());
        }
        return lapses.size();
    }

    /**
     * VisitMissed for a routine lapse; {@code risk}, {@code dueOn}, the placement codes and {@code districtCode} (of
     * the community, null when unknown) are added fields.
     */
    @EventName("VisitMissed")
    public record RoutineVisitMissed(String kind, UUID taskId, UUID alertId, UUID cadreId, Layer layer,
            String orgCode, Integer level, Instant deadline, Instant detectedAt, long daysOverdue, Risk risk,
            LocalDate dueOn, String communityCode, String gridCode, String unitCode, String districtCode) {
    }
}
