package shouwang.alert.alert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonProperty;

import shouwang.alert.cadre.CadreProfile;
import shouwang.alert.cadre.CadreProfiles;
import shouwang.alert.cadre.Contact;
import shouwang.alert.signal.SignalKind;
import shouwang.kit.outbox.Outbox;

/** The events on {@code alerts}, built in one place, published through the outbox in the caller's transaction. */
@ApplicationScoped
public class AlertEvents {

    public static final String TOPIC = "alerts";

    public record LayerOrg(String layer, String orgCode) {
    }

    public record Actor(String role, String orgCode, String name, String phone) {
    }

    public record AlertRaised(UUID alertId, UUID cadreId, String cadreName, SignalKind kind, String kindLabel,
            int level, Instant raisedAt, Instant deadline, List<UUID> signalIds, String communityCode,
            String gridCode, String unitCode, @JsonProperty("notify") List<Contact> notifyContacts, int policyVersion) {
    }

    public record MustVisitRequired(UUID alertId, UUID cadreId, String cadreName, SignalKind kind, String kindLabel,
            int level, Instant deadline, List<LayerOrg> layers, @JsonProperty("notify") List<Contact> notifyContacts) {
    }

    public record AlertEscalated(UUID alertId, UUID cadreId, String cadreName, SignalKind kind, String kindLabel,
            int fromLevel, int level, String levelLabel, Instant deadline, Instant escalatedAt,
            List<Actor> mustActNow, @JsonProperty("notify") List<Contact> notifyContacts) {
    }

    public record AlertResolved(UUID alertId, UUID cadreId, SignalKind kind, int level, Instant resolvedAt,
            Resolution resolution, String reason, String resolvedBy) {
    }

    @Inject
    Outbox outbox;

    @Inject
    CadreProfiles profiles;

    @Inject
    Ladder ladder;

    /** AlertRaised then MustVisitRequired at level 0. */
    public void raised(Alert alert, CadreProfile profile, List<UUID> signalIds) {
        List<Contact> notify = profiles.contacts(profile);
        publish(alert, "AlertRaised", new AlertRaised(alert.id, alert.cadreId, profile.name, alert.kind,
                alert.kind.label(), alert.level, alert.raisedAt, alert.deadline, signalIds,
                alert.placement().communityCode, alert.placement().gridCode, alert.placement().unitCode, notify, alert.policyVersion));
        mustVisit(alert, profile, notify);
    }

    /** AlertEscalated then MustVisitRequired at the new level. */
    public void escalated(Alert alert, CadreProfile profile, int fromLevel, Instant at) {
        List<Contact> notify = profiles.contacts(profile);
        publish(alert, "AlertEscalated", new AlertEscalated(alert.id, alert.cadreId, profile.name, alert.kind,
                alert.kind.label(), fromLevel, alert.level, Ladder.levelLabel(alert.level), alert.deadline, at,
                ladder.mustActNow(alert.level, profile, notify), notify));
        mustVisit(alert, profile, notify);
    }

    public void resolved(Alert alert) {
        publish(alert, "AlertResolved", new AlertResolved(alert.id, alert.cadreId, alert.kind, alert.level,
                alert.resolvedAt, alert.resolution, alert.resolveReason, alert.resolvedBy));
    }

    private void mustVisit(Alert alert, CadreProfile profile, List<Contact> notify) {
        publish(alert, "MustVisitRequired", new MustVisitRequired(alert.id, alert.cadreId, profile.name, alert.kind,
                alert.kind.label(), alert.level, alert.deadline, ladder.layers(profile, notify), notify));
    }

    private void publish(Alert alert, String eventName, Object data) {
        outbox.publish(TOPIC, alert.cadreId.toString(), eventName, data);
    }
}
