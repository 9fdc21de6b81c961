package shouwang.alert.cadre;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import shouwang.alert.alert.AlertService;
import shouwang.alert.common.Clock;
import shouwang.alert.common.Locks;
import shouwang.alert.common.Placement;
import shouwang.alert.signal.SignalService;

/** Keeps the cadre read model current and releases signals that were waiting for a cadre's profile. */
@ApplicationScoped
@Transactional
public class CadreProfileService {

    private static final Logger LOG = Logger.getLogger(CadreProfileService.class);

    @Inject
    ObjectMapper objectMapper;

    @Inject
    CadreProfiles profiles;

    @Inject
    Locks locks;

    @Inject
    SignalService signals;

    @Inject
    AlertService alerts;

    /** Applies one profile event; a version not newer than the one held is ignored. */
    public void apply(JsonNode data) {
        ProfileData profile = parse(data);
        locks.cadre(profile.id());
        CadreProfile held = profiles.find(profile.id());
        if (held != null && held.version >= profile.version()) {
            LOG.debugf("Profile of cadre %s version %d ignored, holding version %d", profile.id(), profile.version(),
                    held.version);
            return;
        }
        if (held == null) {
            held = new CadreProfile();
            held.id = profile.id();
        }
        held.version = profile.version();
        held.name = profile.name();
        held.placement = new Placement(profile.communityCode(), profile.gridCode(), profile.unitCode());
        held.status = profile.status() == null ? CadreProfile.ACTIVE : profile.status();
        held.contacts = profiles.toJson(profile.contacts());
        held.profileUpdatedAt = profile.updatedAt();
        held.receivedAt = Clock.now();
        held.persist();
        LOG.debugf("Profile of cadre %s now at version %d (%s)", held.id, held.version, held.status);
        alerts.followPlacement(held);
        if (!held.isActive()) {
            alerts.closeForInactiveCadre(held);
        }
        signals.releasePending(held);
    }

    private ProfileData parse(JsonNode data) {
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("profile data is not a JSON object");
        }
        ProfileData profile;
        try {
            profile = objectMapper.treeToValue(data, ProfileData.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("profile data does not match the cadre profile: " + e.getOriginalMessage(), e);
        }
        if (profile.id() == null || profile.version() == null) {
            throw new IllegalArgumentException("profile data lacks id or version");
        }
        return profile;
    }
}
