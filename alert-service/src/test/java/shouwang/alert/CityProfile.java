package shouwang.alert;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import shouwang.kit.security.Roles;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;

/**
 * A city deployment: districts QX01 一区 (street JD801, community SQ801), QX02 二区 (JD802, SQ802) and QX03 三区
 * (JD803, SQ803), each with its bureau's people. Org records are read from a topic of their own here: once a service
 * knows a district, a district-admin token naming none sees nothing, so these records must never reach the
 * one-district application the other test classes share (the broker and the consumer group outlive an application).
 */
public class CityProfile extends PlatformTestProfile {

    public static final String ORG_TOPIC = "org-records-city";
    private static boolean recorded;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mp.messaging.incoming.org-records.topic", ORG_TOPIC);
    }

    /** The city's org records, once per application start, held before this returns. */
    public static synchronized void orgs() {
        if (recorded) {
            return;
        }
        district("QX01", "一区", Fixtures.person("LEADER", "甲局长", "13905320001"));
        district("QX02", "二区", Fixtures.person("DUTY_OFFICER", "乙值班", "13905320002"));
        district("QX03", "三区", Fixtures.person("LEADER", "丙局长", "13905320003"));
        for (String n : List.of("1", "2", "3")) {
            Fixtures.orgRecordAndAwait(ORG_TOPIC, "STREET", "JD80" + n, n + "街道", "QX0" + n, 1, List.of());
            Fixtures.orgRecordAndAwait(ORG_TOPIC, "COMMUNITY", "SQ80" + n, n + "社区", "JD80" + n, 1, List.of());
        }
        recorded = true;
    }

    private static void district(String code, String name, Map<String, Object> person) {
        Fixtures.orgRecordAndAwait(ORG_TOPIC, "DISTRICT", code, name, null, 1, List.of(person));
    }

    public static String cityAdmin() {
        return TestTokens.user(Roles.CITY_ADMIN).token();
    }

    public static String districtAdmin(String... districts) {
        return TestTokens.user(Roles.DISTRICT_ADMIN).districts(districts).token();
    }

    /** A cadre of the community, and an alert of the kind reported for it by the city. */
    public static UUID report(UUID cadreId, String kind) {
        String alertId = Api.postSignal(Api.as(cityAdmin()), Api.signal(UUID.randomUUID(), cadreId, kind))
                .statusCode(202).extract().path("alertId");
        return UUID.fromString(alertId);
    }
}
