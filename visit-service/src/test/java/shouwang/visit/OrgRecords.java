package shouwang.visit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

import shouwang.kit.testing.OrgRecordData;
import shouwang.kit.testing.TopicProbe;

/** Org records shaped like registry-service's org-records data, published to the real broker. */
public final class OrgRecords {

    private OrgRecords() {
    }

    public static Map<String, Object> record(String kind, String code, String name, String parentCode, long version,
            List<Map<String, Object>> people) {
        return OrgRecordData.of(kind, code, name, parentCode, version, people);
    }

    public static Map<String, Object> person(String role, String name, String phone) {
        return Map.of("role", role, "name", name, "phone", phone);
    }

    /** Publishes the record and waits until the read model holds that version. */
    public static void applied(Map<String, Object> record) {
        TopicProbe.publish("org-records", record.get("kind") + ":" + record.get("code"), "OrgRecordChanged", record);
        long version = ((Number) record.get("version")).longValue();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> TestDb.orgVersion((String) record.get("kind"), (String) record.get("code")) >= version);
    }

    /** A district of a city with one street and one community in it (names are placeholders). */
    public static void district(String district, String street, String community) {
        applied(record("DISTRICT", district, "黄州区", null, 1, List.of()));
        applied(record("STREET", street, "一街道", district, 1, List.of()));
        applied(record("COMMUNITY", community, "一社区", street, 1, List.of()));
    }

    /** A street with its communities. */
    public static void street(String street, String name, String... communities) {
        applied(record("STREET", street, name, null, 1, List.of(person("LEADER", "赵卫东", "13905310001"))));
        for (String community : communities) {
            applied(record("COMMUNITY", community, community + "社区", street, 1, List.of()));
        }
    }
}
