package shouwang.visit.policy;

import java.time.Instant;
import java.time.Period;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import shouwang.visit.Layer;
import shouwang.visit.Risk;

/** Policy versions as stored ({@code visit_policy}, cadences as JSON), and the lock that serialises changes. */
@ApplicationScoped
public class PolicyRepository {

    private static final Logger LOG = Logger.getLogger(PolicyRepository.class);
    /** Advisory lock space of visit policy changes (alert-service's escalation policy has its own database). */
    private static final int POLICY_LOCK = 0x56_50_01;
    private static final TypeReference<Map<String, Map<String, String>>> CADENCES = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper objectMapper;

    /** The newest stored version of the district's own policy (null: of the city default); empty when none is. */
    public Optional<Policy> latest(String districtCode) {
        Optional<VisitPolicy> stored = districtCode == null
                ? VisitPolicy.find("districtCode is null order by version desc").firstResultOptional()
                : VisitPolicy.find("districtCode = ?1 order by version desc", districtCode).firstResultOptional();
        return stored.map(this::parse);
    }

    /** The newest version of the city default and of each district's own, in one query; key null: the default. */
    public Map<String, Policy> inForce() {
        List<VisitPolicy> newest = em.createQuery("select p from VisitPolicy p where p.version in "
                + "(select max(q.version) from VisitPolicy q group by q.districtCode)", VisitPolicy.class)
                .getResultList();
        Map<String, Policy> policies = new HashMap<>();
        newest.forEach(stored -> policies.put(stored.districtCode, parse(stored)));
        return policies;
    }

    /** Transaction-scoped: two changes never both build on the same version nor take the same number. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock() {
        em.createNativeQuery("select cast(pg_advisory_xact_lock(?1, hashtext(?2)) as text)")
                .setParameter(1, POLICY_LOCK)
                .setParameter(2, "visit-policy")
                .getSingleResult();
    }

    /** Adds the next version; version numbers are one sequence over the city default and every district. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Policy add(String districtCode, Cadences cadences, CampaignDefaults campaigns, String by, Instant at) {
        VisitPolicy next = new VisitPolicy();
        next.version = VisitPolicy.find("order by version desc").<VisitPolicy>firstResultOptional()
                .map(p -> p.version).orElse(0) + 1;
        next.districtCode = districtCode;
        next.cadences = toJson(cadences);
        next.greetingLeadDays = campaigns.greetingLeadDays();
        next.greetingGraceDays = campaigns.greetingGraceDays();
        next.emergencyCutOff = campaigns.emergencyCutOff();
        next.createdAt = at;
        next.createdBy = by;
        next.persist();
        return parse(next);
    }

    /**
     * SQL for a campaign setting in force for the district that {@code districtColumn} names: its own newest version,
     * else the city default's, else {@code :fallbackParameter} (the configuration, version 0). For statements that
     * apply a setting to the rows they touch without a query of their own (a visit ticking off greetings).
     */
    public static String settingSql(String column, String districtColumn, String fallbackParameter) {
        if (!column.matches("greeting_lead_days|greeting_grace_days")) {
            throw new IllegalArgumentException(column + " is not a campaign setting");
        }
        return "coalesce((select p." + column + " from visit_policy p where p.district_code = " + districtColumn
                + " order by p.version desc limit 1), (select p." + column + " from visit_policy p "
                + "where p.district_code is null order by p.version desc limit 1), :" + fallbackParameter + ")";
    }

    private Policy parse(VisitPolicy stored) {
        Map<String, Map<String, String>> raw;
        try {
            raw = objectMapper.readValue(stored.cadences, CADENCES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Visit policy version " + stored.version + " is not JSON", e);
        }
        Map<Risk, Map<Layer, Period>> byRisk = new EnumMap<>(Risk.class);
        raw.forEach((risk, layers) -> layers.forEach((layer, period) -> {
            try {
                byRisk.computeIfAbsent(Risk.valueOf(risk), r -> new EnumMap<>(Layer.class))
                        .put(Layer.valueOf(layer), Period.parse(period));
            } catch (RuntimeException unreadable) {
                // a hand-edited row must not fail every coverage request: the cadence is left out, and said so
                LOG.warnf("Visit policy version %d: %s.%s = %s is not a cadence, left out", stored.version, risk,
                        layer, period);
            }
        }));
        return new Policy(stored.version, stored.createdAt, stored.createdBy, stored.districtCode,
                new Cadences(byRisk), new CampaignDefaults(stored.greetingLeadDays, stored.greetingGraceDays,
                        stored.emergencyCutOff));
    }

    private String toJson(Cadences cadences) {
        Map<String, Map<String, String>> raw = new LinkedHashMap<>();
        cadences.byRisk().forEach((risk, layers) -> {
            Map<String, String> periods = new LinkedHashMap<>();
            layers.forEach((layer, period) -> periods.put(layer.name(), period.toString()));
            raw.put(risk.name(), periods);
        });
        try {
            return objectMapper.writeValueAsString(raw);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
