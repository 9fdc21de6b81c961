package shouwang.alert.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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

import shouwang.alert.signal.SignalKind;

/** Policy versions as stored ({@code escalation_policy}, kinds as JSON), and the lock that serialises changes. */
@ApplicationScoped
public class PolicyRepository {

    /** Advisory lock space of policy changes (kept from earlier releases, so replicas of both agree). */
    private static final Logger LOG = Logger.getLogger(PolicyRepository.class);
    private static final int POLICY_LOCK = 0x41_4C_02;
    private static final TypeReference<Map<String, PolicyDocument.Rule>> KINDS = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    /** The city default's newest version. */
    public Policy latest() {
        return parse(EscalationPolicy.latest());
    }

    /** The district's own newest version; empty while it follows the city default. */
    public Optional<Policy> latestOf(String districtCode) {
        return Optional.ofNullable(EscalationPolicy.latestOf(districtCode)).map(this::parse);
    }

    /** Transaction-scoped: two changes never both build on the same version nor take the same number. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock() {
        entityManager.createNativeQuery("select cast(pg_advisory_xact_lock(?1, hashtext(?2)) as text)")
                .setParameter(1, POLICY_LOCK)
                .setParameter(2, "policy")
                .getSingleResult();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Policy add(String districtCode, Map<SignalKind, KindRule> kinds, String by, Instant at) {
        EscalationPolicy next = new EscalationPolicy();
        next.version = EscalationPolicy.highestVersion() + 1;
        next.districtCode = districtCode;
        next.kinds = toJson(kinds);
        next.createdAt = at;
        next.createdBy = by;
        next.persist();
        return parse(next);
    }

    private Policy parse(EscalationPolicy stored) {
        Map<String, PolicyDocument.Rule> raw;
        try {
            raw = objectMapper.readValue(stored.kinds, KINDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Escalation policy version " + stored.version + " is not JSON", e);
        }
        Map<SignalKind, KindRule> kinds = new EnumMap<>(SignalKind.class);
        raw.forEach((name, rule) -> kinds.put(SignalKind.valueOf(name),
                new KindRule(bounded(stored, name, rule.deadline()), bounded(stored, name, rule.escalateEvery()))));
        return new Policy(stored.version, stored.createdAt, stored.createdBy, stored.districtCode, kinds);
    }

    /**
     * Versions stored before changes were bounded may hold a duration no instant can be added to (P1000000000D made
     * every signal of that kind a 500). Such a value is held to the bounds a change must meet now, and logged, so the
     * signals still raise alerts until an admin stores a valid rule.
     */
    private static Duration bounded(EscalationPolicy stored, String kind, String text) {
        Duration duration = Duration.parse(text);
        Duration held = duration.compareTo(PolicyChange.SHORTEST) < 0 ? PolicyChange.SHORTEST
                : duration.compareTo(PolicyChange.LONGEST) > 0 ? PolicyChange.LONGEST : duration;
        if (!held.equals(duration)) {
            LOG.warnf("Escalation policy version %d: %s has %s outside PT1S..P366D, applied as %s; store a valid rule",
                    stored.version, kind, text, held);
        }
        return held;
    }

    private String toJson(Map<SignalKind, KindRule> kinds) {
        Map<String, PolicyDocument.Rule> raw = new LinkedHashMap<>();
        kinds.forEach((kind, rule) -> raw.put(kind.name(), rule.document()));
        try {
            return objectMapper.writeValueAsString(raw);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
