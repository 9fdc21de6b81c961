package shouwang.visit.coverage;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
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
import jakarta.persistence.Query;

import shouwang.kit.clock.Clock;
import shouwang.kit.security.Scope;
import shouwang.visit.Channel;
import shouwang.visit.Layer;
import shouwang.visit.Risk;
import shouwang.visit.coverage.CoverageDto.Overdue;
import shouwang.visit.coverage.CoverageDto.Totals;
import shouwang.visit.policy.Policies;
import shouwang.visit.policy.Policy;
import shouwang.visit.readmodel.Cadre;

/**
 * 不漏一人 computed where the data is. One statement derives, for every active cadre it covers, the risk on the asked
 * day, the layers that risk requires (NEIGHBOUR while a pairing is active, at its shortest cadence), the latest
 * counting contact per layer, the due day and how late it is: the same rules as {@link CadenceRules}, which a test
 * holds the two to. Only a page of overdue rows and per-community and per-grid counts reach the heap, so memory stays
 * flat whether the district has 3,000 cadres or 1,000,000.
 */
@ApplicationScoped
public class CoverageRepository {

    /** A cadre is the first (lowest) id above this one in a chunked sweep. */
    public static final UUID BEFORE_FIRST = new UUID(0, 0);

    private static final String COLUMNS = "o.id, o.name, o.community_code, o.grid_code, o.unit_code, o.risk, "
            + "o.layer, o.org_code, o.last_at, o.due_on, o.days_overdue, o.household_id, o.household_member_ids";
    /**
     * Highest risk first, then the longest overdue; among rows alike in both, the members of one household (两老同住)
     * next to each other (a household visit gives them the same lateness), then by cadre and layer. The household key
     * is a tie-breaker in the same sort, so the page costs what it did.
     */
    private static final String ORDER = "o.risk, o.days_overdue desc, coalesce(o.household_id, o.id), o.id, "
            + "array_position(array['UNIT','COMMUNITY','GRID','NEIGHBOUR'], o.layer)";

    @Inject
    EntityManager em;

    @Inject
    CadenceRules rules;

    @Inject
    Clock clock;

    @Inject
    shouwang.visit.VisitConfig config;

    /**
     * The cadres a computation covers: a scope and the list's filters, or a chunk of cadres named by id. A chunk is a
     * list, not an id range: PostgreSQL cannot interpolate inside a histogram bucket of a uuid column, so it estimates
     * a range of 2,000 random uuids at one row, and the plan for one row joined the chunk's needs back to the chunk in
     * a nested loop, 2,000 × 5,000 rows: 2.6–3.8 s per chunk at 1,000,000 cadres (docs/performance.md). A list of ids is
     * estimated at its length.
     */
    public record Cadres(Scope scope, String communityCode, String gridCode, java.util.Set<String> districtCommunities,
            List<UUID> ids) {

        /** @param districtCommunities the communities of a district filter, null when there is none */
        public static Cadres inScope(Scope scope, String communityCode, String gridCode,
                java.util.Set<String> districtCommunities) {
            return new Cadres(scope, communityCode, gridCode, districtCommunities, null);
        }

        public static Cadres chunk(List<UUID> ids) {
            return new Cadres(Scope.everything(), null, null, null, List.copyOf(ids));
        }
    }

    /** Counts over everything the cadres selection covers, whatever page is shown. */
    public record Counts(long cadres, long overdue, long overdueCadres, Map<Layer, Long> overdueByLayer,
            Map<String, Totals> byCommunity, Map<String, Totals> byGrid) {
    }

    /** One page of overdue (cadre, layer) pairs: highest risk first, then the longest overdue. */
    public List<Overdue> overduePage(Cadres cadres, Policies policies, LocalDate on, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String sql = overdue(cadres, policies, on, params) + " select " + COLUMNS + " from overdue o order by " + ORDER
                + " offset :offset limit :limit";
        params.put("offset", offset);
        params.put("limit", limit);
        return rows(sql, params).stream().map(CoverageRepository::toOverdue).toList();
    }

    public Counts counts(Cadres cadres, Policies policies, LocalDate on) {
        Map<String, Object> params = new HashMap<>();
        // g: 0 = all cadres, 1 = per community, 2 = per grid; the layer is null in the rows not split by layer
        String sql = overdue(cadres, policies, on, params) + """
                 select 'cadres', case when grouping(community_code) = 0 then 1 when grouping(grid_code) = 0 then 2
                        else 0 end, coalesce(community_code, grid_code), null, count(*), 0
                 from scoped group by grouping sets ((community_code), (grid_code), ())
                 union all
                 select 'overdue', case when grouping(community_code) = 0 then 1 when grouping(grid_code) = 0 then 2
                        else 0 end, coalesce(community_code, grid_code),
                        case when grouping(layer) = 0 then layer end, count(*), count(distinct id)
                 from overdue group by grouping sets ((), (layer), (community_code), (community_code, layer),
                        (grid_code), (grid_code, layer))
                """;
        long cadreCount = 0;
        long overdue = 0;
        long overdueCadres = 0;
        Map<Layer, Long> byLayer = new EnumMap<>(Layer.class);
        List<Map<String, Long>> cadresPer = List.of(new TreeMap<>(), new TreeMap<>());
        List<Map<String, Long>> overdueCadresPer = List.of(new HashMap<>(), new HashMap<>());
        List<Map<String, Map<Layer, Long>>> byLayerPer = List.of(new HashMap<>(), new HashMap<>());
        for (Object[] row : rows(sql, params)) {
            int grouping = ((Number) row[1]).intValue();
            String code = row[2] == null ? "" : (String) row[2];
            Layer layer = row[3] == null ? null : Layer.valueOf((String) row[3]);
            long count = ((Number) row[4]).longValue();
            boolean cadresRow = "cadres".equals(row[0]);
            if (grouping == 0) {
                if (cadresRow) {
                    cadreCount = count;
                } else if (layer != null) {
                    byLayer.put(layer, count);
                } else {
                    overdue = count;
                    overdueCadres = ((Number) row[5]).longValue();
                }
            } else if (cadresRow) {
                cadresPer.get(grouping - 1).put(code, count);
            } else if (layer != null) {
                byLayerPer.get(grouping - 1).computeIfAbsent(code, k -> new EnumMap<>(Layer.class)).put(layer, count);
            } else {
                overdueCadresPer.get(grouping - 1).put(code, ((Number) row[5]).longValue());
            }
        }
        List<Map<String, Totals>> totals = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Map<String, Totals> perCode = new TreeMap<>();
            int split = i;
            cadresPer.get(i).forEach((code, count) -> perCode.put(code, new Totals(count,
                    overdueCadresPer.get(split).getOrDefault(code, 0L),
                    byLayerPer.get(split).getOrDefault(code, new EnumMap<>(Layer.class)))));
            totals.add(perCode);
        }
        return new Counts(cadreCount, overdue, overdueCadres, byLayer, totals.get(0), totals.get(1));
    }

    /**
     * Records each overdue pair of a chunk in routine_lapse once per (cadre, layer, due day) and returns the ones that
     * were new: a rescan, or another replica scanning at the same time, gets nothing back for them.
     */
    public List<Overdue> recordNewLapses(Cadres chunk, Policies policies, LocalDate on) {
        Map<String, Object> params = new HashMap<>();
        String sql = overdue(chunk, policies, on, params) + ", recorded as (insert into routine_lapse (cadre_id, layer, due_on, "
                + "org_code) select id, layer, due_on, org_code from overdue on conflict do nothing "
                + "returning cadre_id, layer) select " + COLUMNS + " from overdue o join recorded r "
                + "on r.cadre_id = o.id and r.layer = o.layer order by o.id, o.layer";
        return rows(sql, params).stream().map(CoverageRepository::toOverdue).toList();
    }

    /** The ids of the next {@code size} active cadres after {@code after}, in id order; empty when none is left. */
    @SuppressWarnings("unchecked")
    public List<UUID> nextChunk(UUID after, int size) {
        return em.createNativeQuery("select id from cadre where status = 'ACTIVE' and id > :after order by id "
                + "limit :size").setParameter("after", after).setParameter("size", size).getResultList();
    }

    /** The risk the database derives for each cadre on a day (what the page sorts by). */
    public Map<UUID, Risk> risks(List<UUID> cadreIds, LocalDate on) {
        Map<String, Object> params = new HashMap<>();
        params.put("on", on);
        params.put("ids", cadreIds);
        return rows("select c.id, " + riskSql() + " from cadre c where c.id in (:ids)", params).stream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> Risk.values()[((Number) row[1]).intValue()]));
    }

    /**
     * The shared CTEs ending in {@code overdue}. The cadences and the key categories are typed values (periods, enum
     * names), so they are written into the statement; everything from a request, and the district codes, are
     * parameters. Each cadre is judged by its policy: {@code required} holds the cadences per policy key ('' for the
     * city default, else a district with a policy of its own) and {@code scoped} the cadre's key, its district
     * (community → street → district in org_record) when that district has its own policy. Only then are the org
     * records joined, so a deployment whose districts all follow the default computes what it did before.
     */
    private String overdue(Cadres cadres, Policies policies, LocalDate on, Map<String, Object> params) {
        params.put("on", on);
        params.put("zone", clock.zone().getId());
        params.put("neighbourCadence", config.cadence().neighbour().toString());
        StringBuilder where = new StringBuilder("c.status = 'ACTIVE' and ")
                .append(cadres.scope().sql("c", params));
        if (cadres.communityCode() != null) {
            where.append(" and c.community_code = :community");
            params.put("community", cadres.communityCode());
        }
        if (cadres.gridCode() != null) {
            where.append(" and c.grid_code = :grid");
            params.put("grid", cadres.gridCode());
        }
        if (cadres.districtCommunities() != null) {
            if (cadres.districtCommunities().isEmpty()) {
                where.append(" and 1 = 0");
            } else {
                where.append(" and c.community_code in (:districtCommunities)");
                params.put("districtCommunities", List.copyOf(cadres.districtCommunities()));
            }
        }
        if (cadres.ids() != null) {
            if (cadres.ids().isEmpty()) {
                where.append(" and 1 = 0");
            } else {
                where.append(" and c.id in (:chunk)");
                params.put("chunk", cadres.ids());
            }
        }
        String contacts;
        if (!on.isBefore(clock.today())) {
            contacts = "select lc.cadre_id, lc.layer, max(lc.last_contact_at) as last_at from last_contact lc "
                    + "join counting k on k.layer = lc.layer and k.channel = lc.channel "
                    + "where lc.cadre_id in (select id from scoped) group by lc.cadre_id, lc.layer";
        } else {
            // a past day: what was known then, from the visit log
            contacts = "select v.cadre_id, v.layer, max(v.visited_at) as last_at from visit v "
                    + "join counting k on k.layer = v.layer and k.channel = v.channel "
                    + "where v.contacted and v.visited_at < :until and v.cadre_id in (select id from scoped) "
                    + "group by v.cadre_id, v.layer";
            params.put("until", OffsetDateTime.ofInstant(clock.startOf(on.plusDays(1)), clock.zone()));
        }
        String policyKey = "cast('' as varchar)";
        String from = "cadre c";
        if (!policies.ownDistricts().isEmpty()) {
            policyKey = "case when ps.parent_code in (:policyDistricts) then ps.parent_code else '' end";
            from = "cadre c left join org_record pc on pc.kind = 'COMMUNITY' and pc.code = c.community_code "
                    + "left join org_record ps on ps.kind = 'STREET' and ps.code = pc.parent_code";
            params.put("policyDistricts", List.copyOf(policies.ownDistricts()));
        }
        return "with required (policy_key, risk, layer, period) as (" + requiredSql(policies, params) + "),"
                + " counting (layer, channel) as (" + countingSql() + "),"
                + " scoped as (select c.id, c.name, c.community_code, c.grid_code, c.unit_code, c.first_seen_at, "
                + "c.household_id, c.household_member_ids, " + policyKey + " as policy_key, "
                + riskSql() + " as risk from " + from + " where " + where + "),"
                // a NEIGHBOUR contact from the registry counts like a pairing (from the day the cadre appeared)
                + " pairings as (select p.cadre_id, (array_agg(p.cadence order by date '2000-01-01' "
                + "+ cast(p.cadence as interval)))[1] as cadence, min(p.started_on) as first_started_on "
                + "from (select np.cadre_id, np.cadence, np.started_on from neighbour_pairing np "
                + "where np.ended_on is null and (np.started_on is null or np.started_on <= :on) "
                + "union all select cc.cadre_id, cast(:neighbourCadence as varchar), null from cadre_contact cc "
                + "where cc.layer = 'NEIGHBOUR') p "
                + "where p.cadre_id in (select id from scoped) group by p.cadre_id),"
                + " needs as (select s.id as cadre_id, r.layer, r.period from scoped s join required r on r.risk = s.risk "
                + "and r.policy_key = s.policy_key"
                + " union all select p.cadre_id, 'NEIGHBOUR', cast(p.cadence as interval) from pairings p),"
                + " contacts as (" + contacts + "),"
                + " due as (select s.id, s.name, s.community_code, s.grid_code, s.unit_code, s.risk, n.layer, c.last_at, "
                + "s.household_id, s.household_member_ids, "
                + "cast(coalesce(cast(c.last_at at time zone :zone as date), "
                + "case when n.layer = 'NEIGHBOUR' then p.first_started_on end, "
                + "cast(s.first_seen_at at time zone :zone as date)) + n.period as date) as due_on "
                + "from needs n join scoped s on s.id = n.cadre_id "
                + "left join contacts c on c.cadre_id = n.cadre_id and c.layer = n.layer "
                + "left join pairings p on p.cadre_id = n.cadre_id),"
                + " overdue as (select d.*, cast(:on as date) - d.due_on as days_overdue, coalesce(cc.org_code, "
                + "case d.layer when 'UNIT' then d.unit_code when 'COMMUNITY' then d.community_code "
                + "else d.grid_code end) as org_code from due d left join cadre_contact cc on cc.cadre_id = d.id "
                + "and cc.layer = d.layer and cc.org_code is not null where d.due_on < cast(:on as date))";
    }

    /** {@link CadenceRules#riskOf} in SQL: the ordinal of {@link Risk}. */
    private static String riskSql() {
        String keyCategories = String.join("|", Cadre.KEY_CATEGORIES.stream().sorted().toList());
        return "case when c.key_service_target or c.special_categories ~ '(^|,)(" + keyCategories + ")(,|$)' "
                + "or c.living_arrangement = 'ALONE' or c.self_care in ('PARTIAL', 'NONE') "
                + "or c.birth_date <= cast(:on as date) - interval '90 years' then " + Risk.KEY_TARGET.ordinal()
                + " when c.birth_date <= cast(:on as date) - interval '80 years' then " + Risk.AGED_80.ordinal()
                + " else " + Risk.OTHERS.ordinal() + " end";
    }

    /** The cadences of every policy in force, by policy key: the city default under '', each own district's. */
    private String requiredSql(Policies policies, Map<String, Object> params) {
        Map<String, Policy> byKey = new java.util.LinkedHashMap<>();
        byKey.put("", policies.cityDefault());
        policies.ownDistricts().stream().sorted().forEach(district -> byKey.put(district, policies.of(district)));
        List<String> rows = new ArrayList<>();
        int key = 0;
        for (Map.Entry<String, Policy> policy : byKey.entrySet()) {
            String parameter = "policyKey" + key++;
            params.put(parameter, policy.getKey());
            for (Risk risk : Risk.values()) {
                for (Map.Entry<Layer, Period> required : rules.required(policy.getValue().cadences(), risk, List.of())
                        .entrySet()) {
                    rows.add("(cast(:" + parameter + " as varchar), " + risk.ordinal() + ", '"
                            + required.getKey().name() + "', interval '" + required.getValue() + "')");
                }
            }
        }
        return rows.isEmpty() ? "select cast('' as varchar), 0, '', interval '0 days' where false"
                : "values " + String.join(", ", rows);
    }

    private String countingSql() {
        List<String> rows = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            for (Channel channel : rules.countingChannels(layer)) {
                rows.add("('" + layer.name() + "', '" + channel.name() + "')");
            }
        }
        return rows.isEmpty() ? "select '', '' where false" : "values " + String.join(", ", rows);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> params) {
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    private static Overdue toOverdue(Object[] row) {
        return new Overdue((UUID) row[0], (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                Risk.values()[((Number) row[5]).intValue()], Layer.valueOf((String) row[6]), (String) row[7],
                instant(row[8]), date(row[9]), ((Number) row[10]).longValue(), (UUID) row[11], ids((String) row[12]));
    }

    private static List<UUID> ids(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : java.util.Arrays.stream(commaSeparated.split(",")).map(UUID::fromString).toList();
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
