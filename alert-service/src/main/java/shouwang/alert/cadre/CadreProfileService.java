package shouwang.alert.cadre;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import shouwang.kit.clock.Clock;
import shouwang.kit.security.Placement;

/**
 * Keeps the cadre read model current. Newer profiles are announced as one {@link ProfilesApplied}, on which open
 * alerts follow their cadres and signals waiting for the profiles are applied.
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
    Event<ProfilesApplied> applied;

    /** Applies one profile event; a version not newer than the one held is ignored. */
    public void apply(ProfileData profile) {
        applyAll(List.of(profile));
    }

    /**
     * Applies a batch of profile events (a consumer poll's, in record order) with a fixed number of statements:
     * the newest profile of each cadre only (each profile is complete), the batch's cadres locked and their held
     * rows read with one statement each, one upsert, one {@link ProfilesApplied}. A version not newer than the one
     * held is ignored, as one by one.
     */
    public void applyAll(List<ProfileData> batch) {
        Map<UUID, ProfileData> newest = new LinkedHashMap<>();
        for (ProfileData profile : batch) {
            newest.merge(profile.id(), profile, (held, next) -> next.version() > held.version() ? next : held);
        }
        cadres.lockAll(newest.keySet());
        Map<UUID, CadreRepository.Held> held = cadres.heldOf(newest.keySet());
        Instant now = clock.now();
        List<CadreProfile> rows = new ArrayList<>();
        List<CadreChanged> changes = new ArrayList<>();
        for (ProfileData profile : newest.values()) {
            CadreRepository.Held before = held.get(profile.id());
            if (before != null && before.version() >= profile.version()) {
                LOG.debugf("Profile of cadre %s version %d ignored, holding version %d", profile.id(),
                        profile.version(), before.version());
                continue;
            }
            CadreProfile row = rowOf(profile, now);
            rows.add(row);
            changes.add(new CadreChanged(row, before == null ? null : before.placement()));
        }
        if (rows.isEmpty()) {
            return;
        }
        cadres.upsert(rows);
        // debug: an import applies thousands per second; the kit logs one line per batch
        LOG.debugf("Applied %d cadre profiles of a batch of %d", rows.size(), batch.size());
        applied.fire(new ProfilesApplied(changes));
    }

    private CadreProfile rowOf(ProfileData profile, Instant now) {
        CadreProfile row = new CadreProfile();
        row.id = profile.id();
        row.version = profile.version();
        row.name = profile.name();
        row.placement = new Placement(profile.communityCode(), profile.gridCode(), profile.unitCode());
        row.streetCode = profile.streetCode();
        row.status = profile.status() == null ? CadreProfile.ACTIVE : profile.status();
        row.contacts = cadres.toJson(profile.contacts());
        row.profileUpdatedAt = profile.updatedAt();
        row.receivedAt = now;
        return row;
    }
}
