package shouwang.registry.cadre;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import shouwang.kit.events.CloudEvents;
import shouwang.registry.cadre.Codes.CadreStatus;
import shouwang.registry.cadre.Codes.ContactLayer;
import shouwang.registry.cadre.Codes.Gender;
import shouwang.registry.cadre.Codes.LivingArrangement;
import shouwang.registry.cadre.Codes.Rank;
import shouwang.registry.cadre.Codes.RetirementType;
import shouwang.registry.cadre.Codes.SelfCare;
import shouwang.registry.cadre.Codes.SpecialCategory;

/** Every cadre-profiles event is the bare profile on the topic, named after its record. */
class ProfileEventsTest {

    /** As Quarkus configures it (quarkus.jackson.write-dates-as-timestamps=false). */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final CadreProfile PROFILE = new CadreProfile(UUID.fromString("6f1c2a9e-1d7b-4b8e-9a51-3f0c2d9e7a11"),
            2, Instant.parse("2026-11-22T08:00:00Z"), "王建国", Gender.MALE, LocalDate.of(1938, 10, 2),
            "110101********1235", RetirementType.LIXIU, Rank.COUNTY_CHIEF, true, "DW001", "SQ001", "SQ001-WG01",
            "东城街道", "JD001", "421102", LivingArrangement.ALONE, SelfCare.PARTIAL, EnumSet.of(SpecialCategory.WIDOWED_CHILDLESS), true,
            "13800000000", "东城街道幸福里3号楼2单元101", CadreStatus.ACTIVE, null, null,
            List.of(new Contact(ContactLayer.UNIT, "李红", "13900000001", "DW001")), "DZB-SQ001",
            UUID.fromString("0b9a3c2d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"),
            List.of(UUID.fromString("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f")));

    @Test
    void eachEventIsTheProfileItselfWithTheDocumentedFieldsInOrder() throws Exception {
        String profile = JSON.writeValueAsString(PROFILE);
        List<Function<CadreProfile, ProfileEvent>> types = List.of(CadreRegistered::new, CadreUpdated::new,
                ContactsAssigned::new, CadreDeceased::new, CadreMovedAway::new);
        for (Function<CadreProfile, ProfileEvent> type : types) {
            assertEquals(profile, JSON.writeValueAsString(type.apply(PROFILE)));
        }
        List<String> fields = new ArrayList<>();
        JSON.readTree(profile).fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "version", "updatedAt", "name", "gender", "birthDate", "idNumberMasked",
                "retirementType", "rank", "partyMember", "unitCode", "communityCode", "gridCode", "streetName",
                "streetCode", "districtCode", "livingArrangement", "selfCare", "specialCategories", "keyServiceTarget", "phone", "address", "status",
                "deceasedOn", "movedAwayOn", "contacts", "partyBranchCode", "householdId", "householdMemberIds"),
                fields);
        JsonNode tree = JSON.readTree(profile);
        assertEquals("2026-11-22T08:00:00Z", tree.get("updatedAt").asText());
        assertEquals("1938-10-02", tree.get("birthDate").asText());
        assertEquals("{\"layer\":\"UNIT\",\"name\":\"李红\",\"phone\":\"13900000001\",\"orgCode\":\"DW001\"}",
                tree.get("contacts").get(0).toString());
    }

    @Test
    void theEventNamesAreThoseOfTheContract() {
        assertEquals(List.of("CadreRegistered", "CadreUpdated", "ContactsAssigned", "CadreDeceased", "CadreMovedAway"),
                List.of(CadreRegistered.class, CadreUpdated.class, ContactsAssigned.class, CadreDeceased.class,
                        CadreMovedAway.class).stream().map(CloudEvents::nameOf).toList());
    }
}
