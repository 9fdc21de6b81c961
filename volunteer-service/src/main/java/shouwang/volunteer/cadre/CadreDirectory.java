package shouwang.volunteer.cadre;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import shouwang.kit.problem.ConflictException;
import shouwang.kit.problem.InvalidFieldsException;

/** The cadre read model: applies cadre-profiles and answers "does this cadre exist, is it active, where is it". */
@ApplicationScoped
@Transactional
public class CadreDirectory {

    private static final Logger LOG = Logger.getLogger(CadreDirectory.class);
    /** A registry code for 失独 we also honour, should registry add one (see docs/volunteer-service.md). */
    public static final String BEREAVED_ONLY_CHILD = "BEREAVED_ONLY_CHILD";
    public static final String WIDOWED_CHILDLESS = "WIDOWED_CHILDLESS";

    @Inject
    Event<CadreLeft> cadreLeft;

    @Inject
    Event<CadrePlaced> cadrePlaced;

    /** Applies one full profile; a profile whose version is not newer than the one held is ignored. */
    public void apply(JsonNode profile) {
        if (profile == null || !profile.isObject()) {
            throw new IllegalArgumentException("profile data is not a JSON object");
        }
        UUID id = UUID.fromString(required(profile, "id"));
        JsonNode versionNode = profile.get("version");
        if (versionNode == null || !versionNode.canConvertToLong()) {
            throw new IllegalArgumentException("profile " + id + " has no numeric version");
        }
        long version = versionNode.asLong();
        String status = required(profile, "status");
        CadreRef cadre = CadreRef.findById(id);
        if (cadre != null && cadre.version >= version) {
            LOG.debugf("Ignored cadre profile %s version %d (holding %d)", id, version, cadre.version);
            return;
        }
        boolean wasActive = cadre == null || cadre.isActive();
        String placedBefore = cadre == null ? null : placement(cadre);
        if (cadre == null) {
            cadre = new CadreRef();
            cadre.id = id;
        }
        cadre.version = version;
        cadre.name = text(profile, "name");
        cadre.phone = text(profile, "phone");
        cadre.communityCode = text(profile, "communityCode");
        cadre.gridCode = text(profile, "gridCode");
        cadre.unitCode = text(profile, "unitCode");
        cadre.status = status;
        cadre.selfCare = text(profile, "selfCare");
        List<String> categories = new ArrayList<>();
        JsonNode special = profile.get("specialCategories");
        if (special != null && special.isArray()) {
            special.forEach(code -> categories.add(code.asText()));
        }
        cadre.specialCategories = String.join(",", categories);
        cadre.updatedAt = Instant.now();
        cadre.persist();
        LOG.infof("Cadre profile %s applied at version %d (status %s)", id, version, status);
        if (placedBefore != null && !placedBefore.equals(placement(cadre))) {
            cadrePlaced.fire(new CadrePlaced(id, cadre.communityCode, cadre.gridCode, cadre.unitCode));
        }
        if (wasActive && !cadre.isActive()) {
            cadreLeft.fire(new CadreLeft(id, status, leftOn(profile, status)));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CadreRef find(UUID id) {
        return id == null ? null : CadreRef.findById(id);
    }

    /** A cadre named in a request: unknown is a 400 on that field, a deceased or moved-away cadre a 409. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CadreRef requireActive(String field, UUID id) {
        CadreRef cadre = find(id);
        if (cadre == null) {
            throw InvalidFieldsException.of(field, "is not a cadre known to volunteering (registry profile not received)");
        }
        if (!cadre.isActive()) {
            throw new ConflictException("Cadre " + id + " is " + cadre.status);
        }
        return cadre;
    }

    /** 孤寡 from registry, or 失独 (flagged here, or a registry code should one be added). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayReceiveDonatedHours(CadreRef cadre) {
        return cadre.categories().contains(WIDOWED_CHILDLESS) || isBereavedOnlyChild(cadre);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isBereavedOnlyChild(CadreRef cadre) {
        if (cadre.categories().contains(BEREAVED_ONLY_CHILD)) {
            return true;
        }
        CadreFlag flag = CadreFlag.findById(cadre.id);
        return flag != null && flag.bereavedOnlyChild;
    }

    public CadreFlag flagBereavedOnlyChild(UUID cadreId, boolean bereaved, String by) {
        CadreFlag flag = CadreFlag.findById(cadreId);
        if (flag == null) {
            flag = new CadreFlag();
            flag.cadreId = cadreId;
        }
        flag.bereavedOnlyChild = bereaved;
        flag.flaggedBy = by;
        flag.flaggedAt = Instant.now();
        flag.persist();
        LOG.infof("Cadre %s flagged bereavedOnlyChild=%s by %s", cadreId, bereaved, by);
        return flag;
    }

    private static java.time.LocalDate leftOn(JsonNode profile, String status) {
        String date = text(profile, "DECEASED".equals(status) ? "deceasedOn" : "movedAwayOn");
        if (date != null) {
            try {
                return java.time.LocalDate.parse(date);
            } catch (java.time.format.DateTimeParseException ignored) {
                // fall back to the profile's change time
            }
        }
        String updatedAt = text(profile, "updatedAt");
        if (updatedAt != null) {
            try {
                return OffsetDateTime.parse(updatedAt).toLocalDate();
            } catch (java.time.format.DateTimeParseException ignored) {
                // fall back to today
            }
        }
        return java.time.LocalDate.now();
    }

    private static String placement(CadreRef cadre) {
        return cadre.communityCode + "|" + cadre.gridCode + "|" + cadre.unitCode;
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("profile has no " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
