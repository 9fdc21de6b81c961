package shouwang.registry.cadre;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import shouwang.kit.security.Placement;
import shouwang.registry.org.OrgDirectory;
import shouwang.registry.cadre.CadreDtos.CadreView;
import shouwang.registry.history.FieldChange;

/** The one place that maps the cadre entity to what the API, the events and the history show. */
public final class CadreMapper {

    private CadreMapper() {
    }

    /** @param plainIdNumber the decrypted number for district-admin, null for everyone else (masked) */
    public static CadreView view(Cadre cadre, String plainIdNumber, LocalDate today) {
        Placement placement = cadre.placement;
        boolean keyTarget = cadre.isKeyServiceTarget(today);
        return new CadreView(cadre.id, cadre.version, cadre.name, cadre.gender, cadre.birthDate,
                Period.between(cadre.birthDate, today).getYears(),
                plainIdNumber != null ? plainIdNumber : cadre.idNumberMasked, cadre.idNumberMasked,
                cadre.retirementType, cadre.rank, cadre.partyMember, placement.unitCode, placement.communityCode,
                placement.gridCode, cadre.livingArrangement, cadre.selfCare, cadre.specialCategories, keyTarget,
                keyTarget ? cadre.missingContactLayers() : List.of(), cadre.phone, cadre.address, cadre.notes,
                cadre.familyContacts, cadre.contacts, cadre.status, cadre.deceasedOn, cadre.movedAwayOn,
                cadre.createdAt, cadre.updatedAt, cadre.partyBranchCode, cadre.householdId, cadre.householdMemberIds);
    }

    /** The event data; {@code keyServiceTarget} is the one of {@code today}, the day the event is written. */
    public static CadreProfile profile(Cadre cadre, OrgDirectory.StreetOf street, LocalDate today) {
        Placement placement = cadre.placement;
        return new CadreProfile(cadre.id, cadre.version, cadre.updatedAt, cadre.name, cadre.gender, cadre.birthDate,
                cadre.idNumberMasked, cadre.retirementType, cadre.rank, cadre.partyMember, placement.unitCode,
                placement.communityCode, placement.gridCode, street.name(), street.code(), street.districtCode(), cadre.livingArrangement, cadre.selfCare,
                cadre.specialCategories, cadre.isKeyServiceTarget(today), cadre.phone, cadre.address,
                cadre.status, cadre.deceasedOn, cadre.movedAwayOn, cadre.contacts, cadre.partyBranchCode,
                cadre.householdId, cadre.householdMemberIds);
    }

    /** The fields the history compares; the ID card number appears masked only. */
    public static Map<String, Object> auditFields(Cadre cadre) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", cadre.name);
        fields.put("gender", cadre.gender);
        fields.put("birthDate", cadre.birthDate);
        fields.put("idNumber", cadre.idNumberMasked);
        fields.put("retirementType", cadre.retirementType);
        fields.put("rank", cadre.rank);
        fields.put("partyMember", cadre.partyMember);
        fields.put("unitCode", cadre.placement.unitCode);
        fields.put("communityCode", cadre.placement.communityCode);
        fields.put("gridCode", cadre.placement.gridCode);
        fields.put("livingArrangement", cadre.livingArrangement);
        fields.put("selfCare", cadre.selfCare);
        fields.put("specialCategories", cadre.specialCategories == null ? null : List.copyOf(cadre.specialCategories));
        fields.put("phone", cadre.phone);
        fields.put("address", cadre.address);
        fields.put("notes", cadre.notes);
        fields.put("familyContacts", cadre.familyContacts);
        fields.put("contacts", cadre.contacts);
        fields.put("status", cadre.status);
        fields.put("deceasedOn", cadre.deceasedOn);
        fields.put("movedAwayOn", cadre.movedAwayOn);
        fields.put("partyBranchCode", cadre.partyBranchCode);
        fields.put("householdId", cadre.householdId);
        fields.put("householdMemberIds", cadre.householdMemberIds);
        return fields;
    }

    /** {@code {"phone":{"from":..,"to":..}}} for each field that differs. */
    public static Map<String, FieldChange> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : after.entrySet()) {
            Object old = before.get(entry.getKey());
            if (!Objects.equals(old, entry.getValue())) {
                changes.put(entry.getKey(), new FieldChange(old, entry.getValue()));
            }
        }
        return changes;
    }

    /** Every field of a new cadre, as changed from nothing. */
    public static Map<String, FieldChange> created(Cadre cadre) {
        return diff(auditFields(new Cadre()), auditFields(cadre));
    }
}
