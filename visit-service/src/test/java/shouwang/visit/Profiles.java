package shouwang.visit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import shouwang.kit.testing.TopicProbe;

/** Cadre profiles shaped like registry-service's cadre-profiles data, published to the real broker. */
public final class Profiles {

    private Profiles() {
    }

    public static Map<String, Object> profile(UUID id, long version, String community, String grid, String unit) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id.toString());
        p.put("version", version);
        p.put("updatedAt", Instant.now().toString());
        p.put("name", "王建国");
        p.put("gender", "MALE");
        p.put("birthDate", "1950-03-01");
        p.put("idNumberMasked", "110101********123X");
        p.put("retirementType", "TUIXIU");
        p.put("rank", "SECTION_CHIEF");
        p.put("partyMember", true);
        p.put("unitCode", unit);
        p.put("communityCode", community);
        p.put("gridCode", grid);
        p.put("livingArrangement", "WITH_FAMILY");
        p.put("selfCare", "FULL");
        p.put("specialCategories", List.of());
        p.put("keyServiceTarget", false);
        p.put("phone", "13800000000");
        p.put("status", "ACTIVE");
        List<Map<String, Object>> contacts = new ArrayList<>();
        contacts.add(Map.of("layer", "UNIT", "name", "李红", "phone", "13900000001", "orgCode", unit));
        contacts.add(Map.of("layer", "COMMUNITY", "name", "赵敏", "phone", "13900000002", "orgCode", community));
        contacts.add(Map.of("layer", "GRID", "name", "孙强", "phone", "13900000003", "orgCode", grid));
        p.put("contacts", contacts);
        return p;
    }

    public static Map<String, Object> born(Map<String, Object> profile, LocalDate birthDate) {
        profile.put("birthDate", birthDate.toString());
        return profile;
    }

    /** 两老同住: puts the profiles in one household, each naming the others as its members. */
    public static UUID household(List<Map<String, Object>> members) {
        UUID householdId = UUID.randomUUID();
        for (Map<String, Object> member : members) {
            member.put("householdId", householdId.toString());
            member.put("householdMemberIds", members.stream().filter(m -> m != member).map(m -> m.get("id")).toList());
        }
        return householdId;
    }

    public static void publish(Map<String, Object> profile, String eventName) {
        TopicProbe.publish("cadre-profiles", (String) profile.get("id"), eventName, profile);
    }

    /** Publishes a new cadre and waits until the read model holds that version. */
    public static UUID registered(Map<String, Object> profile) {
        publish(profile, "CadreRegistered");
        return awaitVersion(profile);
    }

    public static UUID awaitVersion(Map<String, Object> profile) {
        UUID id = UUID.fromString((String) profile.get("id"));
        long version = ((Number) profile.get("version")).longValue();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> TestDb.cadreVersion(id) >= version);
        return id;
    }
}
