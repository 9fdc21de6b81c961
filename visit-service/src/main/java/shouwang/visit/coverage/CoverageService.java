package shouwang.visit.coverage;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.outbox.Outbox;
import shouwang.kit.paging.PageRequest;
import shouwang.kit.security.Scope;
import shouwang.visit.Channel;
import shouwang.visit.Layer;
import shouwang.visit.Topics;
import shouwang.visit.VisitConfig;
import shouwang.visit.coverage.CoverageDto.Overdue;
import shouwang.visit.coverage.CoverageDto.Totals;
import shouwang.visit.readmodel.Cadre;
import shouwang.visit.readmodel.ReadModelService;
import shouwang.visit.readmodel.ReadModelService.ActivePairing;

/**
 * 不漏一人: for every active cadre, each layer its risk profile requires is due one cadence after its latest counting
 * contact (or, before any contact, after the cadre first appeared / the pairing started). Past that day it is overdue.
 */
@ApplicationScoped
@Transactional
public class CoverageService {

    private static final Logger LOG = Logger.getLogger(CoverageService.class);

    @Inject
    EntityManager em;

    @Inject
    ReadModelService readModel;

    @Inject
    CadenceRules rules;

    @Inject
    VisitConfig config;

    @Inject
    Outbox outbox;

    public LocalDate today() {
        return LocalDate.now(config.zone());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CoverageDto coverage(Scope scope, String communityCode, String gridCode, LocalDate on, PageRequest page) {
        List<Cadre> cadres = activeCadres(scope, communityCode, gridCode);
        List<Overdue> overdue = overdue(cadres, on);
        overdue.sort(Comparator.comparing(Overdue::risk).thenComparing(Comparator.comparingLong(Overdue::daysOverdue)
                .reversed()).thenComparing(o -> o.cadreId().toString()).thenComparing(Overdue::layer));
        List<Overdue> items = overdue.stream().skip(page.offset()).limit(page.size()).toList();
        return new CoverageDto(on, communityCode, items, page.page(), page.size(), overdue.size(), cadres.size(),
                overdue.stream().map(Overdue::cadreId).distinct().count(), byLayer(overdue),
                totals(cadres, overdue, c -> c.communityCode), totals(cadres, overdue, c -> c.gridCode));
    }

    /**
     * Announces each lapse once (VisitMissed, kind ROUTINE): the routine_lapse key (cadre, layer, due day) makes a
     * repeat scan, or a second replica, announce nothing new. Returns how many were announced.
     */
    public int raiseLapses(LocalDate today) {
        List<Overdue> overdue = overdue(activeCadres(Scope.everything(), null, null), today);
        int raised = 0;
        for (Overdue o : overdue) {
            int inserted = em.createNativeQuery("insert into routine_lapse (cadre_id, layer, due_on, org_code) "
                    + "values (?1, ?2, ?3, ?4) on conflict do nothing")
                    .setParameter(1, o.cadreId()).setParameter(2, o.layer().name()).setParameter(3, o.dueOn())
                    .setParameter(4, o.orgCode())
                    .executeUpdate();
            if (inserted == 1) {
                Instant deadline = o.dueOn().plusDays(1).atStartOfDay(config.zone()).toInstant();
                outbox.publish(Topics.VISITS, o.cadreId().toString(), Topics.VISIT_MISSED,
                        new RoutineVisitMissed("ROUTINE", null, null, o.cadreId(), o.layer(), o.orgCode(), null,
                                deadline, Instant.now(), o.daysOverdue(), o.risk(), o.dueOn(), o.communityCode(),
                                o.gridCode(), o.unitCode()));
                LOG.infof("Routine lapse: cadre %s layer %s org %s due %s, %d days overdue", o.cadreId(), o.layer(),
                        o.orgCode(), o.dueOn(), o.daysOverdue());
                raised++;
            }
        }
        return raised;
    }

    /** VisitMissed for a routine lapse; {@code risk}, {@code dueOn} and the placement codes are added fields. */
    public record RoutineVisitMissed(String kind, UUID taskId, UUID alertId, UUID cadreId, Layer layer,
            String orgCode, Integer level, Instant deadline, Instant detectedAt, long daysOverdue, Risk risk,
            LocalDate dueOn, String communityCode, String gridCode, String unitCode) {
    }

    private List<Cadre> activeCadres(Scope scope, String communityCode, String gridCode) {
        return readModel.activeCadres(scope, communityCode == null ? List.of() : List.of(communityCode), gridCode);
    }

    private List<Overdue> overdue(List<Cadre> cadres, LocalDate on) {
        Map<UUID, Map<Layer, Map<Channel, Instant>>> contacts = lastContacts(on);
        Map<UUID, List<ActivePairing>> pairings = readModel.allActivePairings().stream()
                .filter(p -> p.startedOn() == null || !p.startedOn().isAfter(on))
                .collect(Collectors.groupingBy(ActivePairing::cadreId));
        Map<UUID, Map<Layer, String>> orgs = responsibleOrgs();
        List<Overdue> overdue = new ArrayList<>();
        for (Cadre cadre : cadres) {
            Risk risk = rules.riskOf(cadre, on);
            List<ActivePairing> cadrePairings = pairings.getOrDefault(cadre.id, List.of());
            for (Map.Entry<Layer, Period> required : rules.required(risk, cadrePairings).entrySet()) {
                Layer layer = required.getKey();
                Instant last = latest(contacts.getOrDefault(cadre.id, Map.of()).getOrDefault(layer, Map.of()),
                        rules.countingChannels(layer));
                LocalDate baseline = last != null ? LocalDate.ofInstant(last, config.zone())
                        : layer == Layer.NEIGHBOUR ? pairingStart(cadrePairings, cadre)
                        : LocalDate.ofInstant(cadre.firstSeenAt, config.zone());
                LocalDate dueOn = baseline.plus(required.getValue());
                if (on.isAfter(dueOn)) {
                    String org = orgs.getOrDefault(cadre.id, Map.of()).getOrDefault(layer, placement(cadre, layer));
                    overdue.add(new Overdue(cadre.id, cadre.name, cadre.communityCode, cadre.gridCode, cadre.unitCode,
                            risk, layer, org, last, dueOn, ChronoUnit.DAYS.between(dueOn, on)));
                }
            }
        }
        return overdue;
    }

    private LocalDate pairingStart(List<ActivePairing> pairings, Cadre cadre) {
        return pairings.stream().map(ActivePairing::startedOn).filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(LocalDate.ofInstant(cadre.firstSeenAt, config.zone()));
    }

    private static Instant latest(Map<Channel, Instant> byChannel, java.util.Set<Channel> counting) {
        return byChannel.entrySet().stream().filter(e -> counting.contains(e.getKey())).map(Map.Entry::getValue)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    private static String placement(Cadre cadre, Layer layer) {
        return switch (layer) {
            case UNIT -> cadre.unitCode;
            case COMMUNITY -> cadre.communityCode;
            case GRID, NEIGHBOUR -> cadre.gridCode;
        };
    }

    /** Latest contact per cadre, layer and channel as of the end of {@code on}. */
    @SuppressWarnings("unchecked")
    private Map<UUID, Map<Layer, Map<Channel, Instant>>> lastContacts(LocalDate on) {
        List<Object[]> rows;
        if (!on.isBefore(today())) {
            rows = em.createNativeQuery("select cadre_id, layer, channel, last_contact_at from last_contact")
                    .getResultList();
        } else {
            // a past day: what was known then, from the visit log
            rows = em.createNativeQuery("select cadre_id, layer, channel, max(visited_at) from visit where contacted "
                    + "and visited_at < ?1 group by cadre_id, layer, channel")
                    .setParameter(1, OffsetDateTime.ofInstant(on.plusDays(1).atStartOfDay(config.zone()).toInstant(),
                            java.time.ZoneOffset.UTC))
                    .getResultList();
        }
        Map<UUID, Map<Layer, Map<Channel, Instant>>> contacts = new HashMap<>();
        for (Object[] row : rows) {
            contacts.computeIfAbsent((UUID) row[0], k -> new EnumMap<>(Layer.class))
                    .computeIfAbsent(Layer.valueOf((String) row[1]), k -> new EnumMap<>(Channel.class))
                    .put(Channel.valueOf((String) row[2]), instant(row[3]));
        }
        return contacts;
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, Map<Layer, String>> responsibleOrgs() {
        Map<UUID, Map<Layer, String>> orgs = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("select cadre_id, layer, org_code from cadre_contact "
                + "where org_code is not null").getResultList();
        for (Object[] row : rows) {
            orgs.computeIfAbsent((UUID) row[0], k -> new EnumMap<>(Layer.class))
                    .put(Layer.valueOf((String) row[1]), (String) row[2]);
        }
        return orgs;
    }

    private static Map<Layer, Long> byLayer(List<Overdue> overdue) {
        Map<Layer, Long> counts = new EnumMap<>(Layer.class);
        overdue.forEach(o -> counts.merge(o.layer(), 1L, Long::sum));
        return counts;
    }

    private static Map<String, Totals> totals(List<Cadre> cadres, List<Overdue> overdue,
            java.util.function.Function<Cadre, String> key) {
        Map<UUID, String> keyOf = new HashMap<>();
        Map<String, Long> cadreCounts = new TreeMap<>();
        for (Cadre cadre : cadres) {
            String k = key.apply(cadre) == null ? "" : key.apply(cadre);
            keyOf.put(cadre.id, k);
            cadreCounts.merge(k, 1L, Long::sum);
        }
        Map<String, List<Overdue>> overdueByKey = overdue.stream()
                .collect(Collectors.groupingBy(o -> keyOf.getOrDefault(o.cadreId(), "")));
        Map<String, Totals> totals = new TreeMap<>();
        cadreCounts.forEach((k, count) -> {
            List<Overdue> inKey = overdueByKey.getOrDefault(k, List.of());
            totals.put(k, new Totals(count, inKey.stream().map(Overdue::cadreId).distinct().count(), byLayer(inKey)));
        });
        return totals;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
