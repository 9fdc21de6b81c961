package shouwang.volunteer;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;

import shouwang.kit.testing.OrgRecordData;
import shouwang.kit.testing.TopicProbe;
import shouwang.volunteer.org.OrgRecord;

/** Org records shaped like registry-service's org-records data, published to the real broker. */
public final class OrgRecords {

    private OrgRecords() {
    }

    public static Map<String, Object> record(String kind, String code, String name, String parentCode, long version) {
        return OrgRecordData.of(kind, code, name, parentCode, version,
                List.of(Map.of("role", "LEADER", "name", "钱局长", "phone", "13905310011")));
    }

    /** Publishes the record as registry does and waits until the read model holds that version. */
    public static void applied(Map<String, Object> record) {
        TopicProbe.publish("org-records", record.get("kind") + ":" + record.get("code"), "OrgRecordChanged", record);
        long version = ((Number) record.get("version")).longValue();
        await().atMost(Duration.ofSeconds(20)).until(() -> versionOf((String) record.get("kind"),
                (String) record.get("code")) >= version);
    }

    /** The version the read model holds, 0 when none. */
    public static long versionOf(String kind, String code) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OrgRecord held = OrgRecord.findById(new OrgRecord.Key(kind, code));
            return held == null ? 0 : held.version;
        });
    }

    /** Back to a one-district deployment: once a DISTRICT is held, a district admin naming none sees nothing. */
    public static void forgetDistricts() {
        QuarkusTransaction.requiringNew().run(() -> OrgRecord.delete("kind", "DISTRICT"));
    }
}
