package shouwang.alert.policy;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;

/**
 * The versioned escalation policy: the city default (the one policy of a one-district deployment) and, in a city, a
 * district's own versions; a district without one follows the city default.
 */
@ApplicationScoped
@Transactional
public class PolicyService {

    private static final Logger LOG = Logger.getLogger(PolicyService.class);

    @Inject
    PolicyRepository policies;

    @Inject
    Clock clock;

    /** The city default's newest version. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Policy current() {
        return policies.latest();
    }

    /** The district's newest own version, else the city default's; null asks for the city default. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Policy current(String districtCode) {
        return districtCode == null ? current() : policies.latestOf(districtCode).orElseGet(this::current);
    }

    /**
     * Adds a version for the district (null: the city default): the given kinds replace the rules of the policy it
     * follows now ({@link PolicyChange}), the others are carried over. A district's first version starts from the
     * city default; from then on it is the district's own, and a later change of the default no longer reaches it.
     */
    public Policy change(String districtCode, Map<String, PolicyDocument.Rule> changes, String by) {
        policies.lock();
        Policy base = current(districtCode);
        Policy next = policies.add(districtCode, PolicyChange.apply(base.kinds(), changes), by, clock.now());
        LOG.infof("Escalation policy version %d added by %s for %s", next.version(), by,
                districtCode == null ? "the city default" : "district " + districtCode);
        return next;
    }

    /** As the API answers it; {@code askedDistrict} (may be null) says whether the answer is inherited. */
    public PolicyDocument document(Policy policy, String askedDistrict) {
        Map<String, PolicyDocument.Rule> kinds = new LinkedHashMap<>();
        policy.kinds().forEach((kind, rule) -> kinds.put(kind.name(), rule.document()));
        Boolean inherited = askedDistrict == null ? null : policy.districtCode() == null;
        return new PolicyDocument(policy.version(), policy.effectiveFrom(), policy.changedBy(), askedDistrict, inherited,
                kinds);
    }
}
