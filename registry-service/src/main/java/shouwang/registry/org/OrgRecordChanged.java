package shouwang.registry.org;

import shouwang.kit.events.EventSchema;

import java.time.Instant;
import java.util.List;

/**
 * The full current org record on {@code org-records} (compacted, key {@code KIND:code}), after every create, edit,
 * deactivation or import upsert; consumers keep the highest {@code version} per key.
 */
@EventSchema("org-record.json")
public record OrgRecordChanged(OrgKind kind, String code, String name, String parentCode, boolean active,
        long version, Instant updatedAt, List<Person> people) {

    public static final String TOPIC = "org-records";

    static OrgRecordChanged of(OrgRecord record) {
        return new OrgRecordChanged(record.kind(), record.code, record.name, record.parentCode(), record.active,
                record.version, record.updatedAt, record.people);
    }

    /** The record key: {@code STREET:JD001}. */
    static String keyOf(OrgRecord record) {
        return record.kind() + ":" + record.code;
    }
}
