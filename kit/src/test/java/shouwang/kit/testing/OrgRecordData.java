package shouwang.kit.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of an {@code OrgRecordChanged} event as registry-service publishes it on {@code org-records} (key
 * {@code KIND:code}), for the services' tests that feed their org read models (docs/asyncapi/schemas/org-record.json).
 */
public final class OrgRecordData {

    private OrgRecordData() {
    }

    /** An active record, updated now; the map is mutable so a test may break it (remove the version, …). */
    public static Map<String, Object> of(String kind, String code, String name, String parentCode, long version,
            List<? extends Map<String, ?>> people) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", kind);
        data.put("code", code);
        data.put("name", name);
        data.put("parentCode", parentCode);
        data.put("active", true);
        data.put("version", version);
        data.put("updatedAt", Instant.now().toString());
        data.put("people", people);
        return data;
    }
}
