package shouwang.visit.policy;

import java.time.Period;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.visit.Layer;
import shouwang.visit.VisitConfig;

/**
 * The versioned visit policy (走访规则: cadences and campaign defaults): the city default (the one policy of a
 * one-district deployment) and, in a city, a district's own versions; a district without one follows the city default.
 * Before the first change the city default is version 0, the configuration the service ships
 * ({@code shouwang.visit.cadence.*}, {@code shouwang.visit.campaigns.*}).
 */
@ApplicationScoped
@Transactional
public class PolicyService {

    private static final Logger LOG = Logger.getLogger(PolicyService.class);

    @Inject
    PolicyRepository policies;

    @Inject
    VisitConfig config;

    @Inject
    Clock clock;

    /** Version 0: the configuration. */
    public Policy configured() {
        return new Policy(0, null, "config", null, Cadences.configured(config.cadence()),
                CampaignDefaults.configured(config.campaigns()));
    }

    /** The city default's newest version. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Policy cityDefault() {
        return policies.latest(null).orElseGet(this::configured);
    }

    /** The district's newest own version, else the city default's; null asks for the city default. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Policy current(String districtCode) {
        return districtCode == null ? cityDefault() : policies.latest(districtCode).orElseGet(this::cityDefault);
    }

    /** Every policy in force now, in one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Policies inForce() {
        Map<String, Policy> newest = new HashMap<>(policies.inForce());
        Policy cityDefault = newest.remove(null);
        return new Policies(cityDefault != null ? cityDefault : configured(), newest);
    }

    /**
     * Adds a version for the district (null: the city default) from the policy it follows now ({@link PolicyChange}).
     * A district's first version starts from the city default; from then on it is the district's own, and a later
     * change of the default no longer reaches it.
     */
    public Policy change(String districtCode, PolicyDocument change, String by) {
        policies.lock();
        Policy base = current(districtCode);
        PolicyChange.Result next = PolicyChange.apply(base, change.cadences(), change.campaigns());
        Policy added = policies.add(districtCode, next.cadences(), next.campaigns(), by, clock.now());
        LOG.infof("Visit policy version %d added by %s for %s", added.version(), by,
                districtCode == null ? "the city default" : "district " + districtCode);
        return added;
    }

    /** As the API answers it; {@code askedDistrict} (may be null) says whether the answer is inherited. */
    public PolicyDocument document(Policy policy, String askedDistrict) {
        Map<String, Map<String, String>> cadences = new LinkedHashMap<>();
        policy.cadences().byRisk().forEach((risk, layers) -> {
            Map<String, String> periods = new LinkedHashMap<>();
            for (Layer layer : Cadences.LAYERS) {
                Period period = layers.get(layer);
                periods.put(layer.name(), period == null ? null : period.toString());
            }
            cadences.put(risk.name(), periods);
        });
        CampaignDefaults campaigns = policy.campaigns();
        Boolean inherited = askedDistrict == null ? null : policy.districtCode() == null;
        return new PolicyDocument(policy.version(), policy.effectiveFrom(), policy.changedBy(), askedDistrict,
                inherited, cadences, new PolicyDocument.Campaigns(campaigns.greetingLeadDays(),
                        campaigns.greetingGraceDays(), campaigns.emergencyCutOff().toString()));
    }
}
