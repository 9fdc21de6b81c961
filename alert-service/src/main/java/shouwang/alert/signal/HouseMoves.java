package shouwang.alert.signal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import shouwang.alert.cadre.CadreChanged;
import shouwang.alert.cadre.ProfilesApplied;
import shouwang.alert.cadre.CadreProfile;
import shouwang.kit.clock.Clock;
import shouwang.kit.security.Caller;

/**
 * A move of house (乔迁) is itself a must-visit trigger: a profile showing an active cadre in another community than
 * the one held raises a HOUSE_MOVE signal, in the profile's transaction and through the same intake as every signal.
 * Its id comes from the cadre and the profile version, so a redelivered or replayed profile never raises it twice.
 */
@ApplicationScoped
public class HouseMoves {

    private static final Logger LOG = Logger.getLogger(HouseMoves.class);
    private static final Caller REGISTRY = Caller.platform("cadre-profiles");
    /** After the open alerts followed the cadre and waiting signals were applied. */
    private static final int AFTER_PENDING = SignalService.AFTER_ALERTS + 500;

    @Inject
    SignalService signals;

    @Inject
    Clock clock;

    /** Moves are seen in Java from the placement held before, so a batch without one costs no statement here. */
    void onProfiles(@Observes @Priority(AFTER_PENDING) ProfilesApplied applied) {
        for (CadreChanged changed : applied.changes()) {
            if (changed.profile().isActive() && changed.movedCommunity()) {
                raise(changed);
            }
        }
    }

    private void raise(CadreChanged changed) {
        CadreProfile profile = changed.profile();
        String origin = "house-move/" + profile.id + "/" + profile.version;
        SignalInput move = new SignalInput(UUID.nameUUIDFromBytes(origin.getBytes(StandardCharsets.UTF_8)),
                profile.id, SignalKind.HOUSE_MOVE,
                profile.profileUpdatedAt == null ? clock.now() : profile.profileUpdatedAt,
                "乔迁：" + changed.before().communityCode + " → " + profile.placement().communityCode,
                "registry-service", CareSignal.Channel.PLATFORM);
        SignalOutcome outcome = signals.intake(move, REGISTRY);
        LOG.infof("Cadre %s moved to community %s (profile version %d): HOUSE_MOVE signal %s, alert %s", profile.id,
                profile.placement().communityCode, profile.version, outcome.signalId(), outcome.alertId());
    }
}
