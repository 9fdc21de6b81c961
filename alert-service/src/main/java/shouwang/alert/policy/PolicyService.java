package shouwang.alert.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import shouwang.alert.common.Clock;
import shouwang.alert.common.Locks;
import shouwang.alert.signal.SignalKind;
import shouwang.kit.problem.InvalidFieldsException;

/** The versioned escalation policy: read the latest, or add a version. */
@ApplicationScoped
@Transactional
public class PolicyService {

    private static final Logger LOG = Logger.getLogger(PolicyService.class);
    private static final TypeReference<Map<String, PolicyDocument.Rule>> KINDS = new TypeReference<>() {
    };
    private static final Duration SHORTEST = Duration.ofSeconds(1);

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Locks locks;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Policy current() {
        return parse(EscalationPolicy.latest());
    }

    /** Adds a version: the given kinds replace their rules, the others are carried over. */
    public Policy change(Map<String, PolicyDocument.Rule> changes, String by) {
        locks.policy();
        Policy current = current();
        Map<SignalKind, KindRule> kinds = new EnumMap<>(current.kinds());
        InvalidFieldsException.Collector problems = new InvalidFieldsException.Collector();
        changes.forEach((name, rule) -> {
            SignalKind kind = kindOf(name);
            String field = "kinds." + name;
            if (kind == null) {
                problems.add(field, "is not a signal kind");
            } else if (rule == null) {
                problems.add(field, "must have deadline and escalateEvery");
            } else {
                Duration deadline = duration(problems, field + ".deadline", rule.deadline());
                Duration every = duration(problems, field + ".escalateEvery", rule.escalateEvery());
                if (deadline != null && every != null) {
                    kinds.put(kind, new KindRule(deadline, every));
                }
            }
        });
        problems.throwIfAny();
        EscalationPolicy next = new EscalationPolicy();
        next.version = current.version() + 1;
        next.kinds = toJson(kinds);
        next.createdAt = Clock.now();
        next.createdBy = by;
        next.persist();
        LOG.infof("Escalation policy version %d added by %s", next.version, by);
        return parse(next);
    }

    public PolicyDocument document(Policy policy) {
        Map<String, PolicyDocument.Rule> kinds = new LinkedHashMap<>();
        policy.kinds().forEach((kind, rule) -> kinds.put(kind.name(),
                new PolicyDocument.Rule(rule.deadline().toString(), rule.escalateEvery().toString())));
        return new PolicyDocument(policy.version(), policy.effectiveFrom(), policy.changedBy(), kinds);
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
                new KindRule(Duration.parse(rule.deadline()), Duration.parse(rule.escalateEvery()))));
        return new Policy(stored.version, stored.createdAt, stored.createdBy, kinds);
    }

    private String toJson(Map<SignalKind, KindRule> kinds) {
        Map<String, PolicyDocument.Rule> raw = new LinkedHashMap<>();
        kinds.forEach((kind, rule) -> raw.put(kind.name(),
                new PolicyDocument.Rule(rule.deadline().toString(), rule.escalateEvery().toString())));
        try {
            return objectMapper.writeValueAsString(raw);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SignalKind kindOf(String name) {
        try {
            return SignalKind.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static Duration duration(InvalidFieldsException.Collector problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.add(field, "is required (an ISO-8601 duration such as PT24H)");
            return null;
        }
        try {
            Duration duration = Duration.parse(value.trim());
            if (duration.compareTo(SHORTEST) < 0) {
                problems.add(field, "must be at least PT1S");
                return null;
            }
            return duration;
        } catch (DateTimeParseException e) {
            problems.add(field, "must be an ISO-8601 duration such as PT24H");
            return null;
        }
    }
}
