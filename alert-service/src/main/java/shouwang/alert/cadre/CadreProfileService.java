package shouwang.alert.cadre;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.security.Placement;

/**
 * Keeps the cadre read model current. A newer profile is announced as {@link CadreChanged}, on which open alerts
 * follow the cadre and signals waiting for the profile are applied.
 */
@ApplicationScoped
@Transactional
public class CadreProfileService {

    private static final Logger LOG = Logger.getLogger(CadreProfileService.class);

    @Inject
    CadreRepository cadres;

    @Inject
    Clock clock;

    @Inject
    Event<CadreChanged> changed;

    /** Applies one profile event; a version not newer than the one held is ignored. */
    public void apply(ProfileData profile) {
        cadres.lock(profile.id());
        CadreProfile held = cadres.find(profile.id());
        if (held != null && held.version >= profile.version()) {
            LOG.debugf("Profile of cadre %s version %d ignored, holding version %d", profile.id(), profile.version(),
                    held.version);
            return;
        }
        Placement before = held == null ? null : held.placement().copy();
        if (held == null) {
            held = new CadreProfile();
            held.id = profile.id();
        }
        held.version = profile.version();
        held.name = profile.name();
        held.placement = new Placement(profile.communityCode(), profile.gridCode(), profile.unitCode());
        held.streetCode = profile.streetCode();
        held.status = profile.status() == null ? CadreProfile.ACTIVE : profile.status();
        held.contacts = cadres.toJson(profile.contacts());
        held.profileUpdatedAt = profile.updatedAt();
        held.receivedAt = clock.now();
        held.persist();
        LOG.debugf("Profile of cadre %s now at version %d (%s)", held.id, held.version, held.status);
        changed.fire(new CadreChanged(held, before));
    }
}
