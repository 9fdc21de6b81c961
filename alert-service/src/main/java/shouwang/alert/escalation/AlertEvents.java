package shouwang.alert.escalation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shouwang.alert.cadre.CadreProfile;
import shouwang.alert.cadre.CadreRepository;
import shouwang.alert.cadre.Contact;
import shouwang.alert.org.OrgDirectory;
import shouwang.alert.signal.Alerting;
import shouwang.kit.outbox.Outbox;

/** The events on {@code alerts}, built in one place, published through the outbox in the caller's transaction. */
@ApplicationScoped
public class AlertEvents {

    public static final String TOPIC = "alerts";

    @Inject
    Outbox outbox;

    @Inject
    CadreRepository cadres;

    @Inject
    OrgDirectory orgs;

    /**
     * AlertRaised (with the raising signal's details) then MustVisitRequired at level 0, asking {@code layers};
     * {@code districtCode} is the district the alert was raised in (its policy's), null when none is known.
     */
    public void raised(Alert alert, CadreProfile profile, Alerting.Signal signal, List<LayerOrg> layers,
            String districtCode) {
        List<Contact> notify = cadres.contacts(profile);
        publish(alert, new AlertRaised(alert.id, alert.cadreId, profile.name, alert.kind, alert.kind.label(),
                alert.level, alert.raisedAt, alert.deadline, List.of(signal.signalId()),
                alert.placement().communityCode, alert.placement().gridCode, alert.placement().unitCode, notify,
                alert.policyVersion, signal.details(), signal.serviceType(), signal.serviceRequestId(), districtCode));
        mustVisit(alert, profile, notify, layers, districtCode);
    }

    /** AlertEscalated then MustVisitRequired at the new level, asking {@code layers}. */
    public void escalated(Alert alert, CadreProfile profile, int fromLevel, Instant at, List<LayerOrg> layers) {
        List<Contact> notify = cadres.contacts(profile);
        String districtCode = districtOf(alert, profile);
        publish(alert, new AlertEscalated(alert.id, alert.cadreId, profile.name, alert.kind, alert.kind.label(),
                fromLevel, alert.level, Ladder.levelLabel(alert.level), alert.deadline, at,
                Ladder.mustActNow(alert.level, layers), notify, districtCode));
        mustVisit(alert, profile, notify, layers, districtCode);
    }

    public void resolved(Alert alert) {
        publish(alert, new AlertResolved(alert.id, alert.cadreId, alert.kind, alert.level, alert.resolvedAt,
                alert.resolution, alert.resolveReason, alert.resolvedBy, districtOf(alert, cadres.find(alert.cadreId))));
    }

    /**
     * The district of the alert's community now (community → street → district, from the org records held), so a
     * district's partners can filter events; null when unknown, as in a one-district deployment.
     */
    private String districtOf(Alert alert, CadreProfile profile) {
        return orgs.districtOf(alert.placement().communityCode, profile == null ? null : profile.streetCode)
                .orElse(null);
    }

    private void mustVisit(Alert alert, CadreProfile profile, List<Contact> notify, List<LayerOrg> layers,
            String districtCode) {
        publish(alert, new MustVisitRequired(alert.id, alert.cadreId, profile.name, alert.kind, alert.kind.label(),
                alert.level, alert.deadline, layers, notify, districtCode));
    }

    private void publish(Alert alert, Object event) {
        outbox.publish(TOPIC, alert.cadreId.toString(), event);
    }
}
