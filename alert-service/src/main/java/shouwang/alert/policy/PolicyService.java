package shouwang.alert.policy;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;

/** The versioned escalation policy: read the latest, or add a version. */
@ApplicationScoped
@Transactional
public class PolicyService {

    private static final Logger LOG = Logger.getLogger(PolicyService.class);

    @Inject
    PolicyRepository policies;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Policy current() {
        return policies.latest();
    }

    /** Adds a version: the given kinds replace their rules, the others are carried over ({@link PolicyChange}). */
    public Policy change(Map<String, PolicyDocument.Rule> changes, String by) {
        policies.lock();
        Policy current = current();
        Policy next = policies.add(current.version() + 1, PolicyChange.apply(current.kinds(), changes), by,
                clock.now());
        LOG.infof("Escalation policy version %d added by %s", next.version(), by);
        return next;
    }

    public PolicyDocument document(Policy policy) {
        Map<String, PolicyDocument.Rule> kinds = new LinkedHashMap<>();
        policy.kinds().forEach((kind, rule) -> kinds.put(kind.name(), rule.document()));
        return new PolicyDocument(policy.version(), policy.effectiveFrom(), policy.changedBy(), kinds);
    }
}
