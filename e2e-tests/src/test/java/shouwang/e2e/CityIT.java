package shouwang.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

import shouwang.e2e.Platform.Service;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;

/**
 * One platform for a whole city: two districts, each with its own bureau and its own escalation policy, set up by
 * the city admin over the public API. A signal nobody answers in each district climbs to level 3 and lands with
 * that district's bureau (its people named in the event, the BUREAU task in its worklist), and neither district's
 * admin sees the other's alert, task or cadre.
 */
class CityIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1000));

    private final Platform platform = Platform.get();
    private final String city = Fixtures.admin();

    /** A district with its bureau's duty officer, one street, one community and grid, and a cadre living there. */
    private record District(String code, String bureauPhone, String[] orgs, String cadreId, String admin) {
    }

    @Test
    void anUnansweredSignalInEachDistrictClimbsToThatDistrictsOwnBureau() {
        District huangzhou = district("黄州区", "13905318101", "刘德华");
        District tuanfeng = district("团风县", "13971308101", "张明远");
        // each bureau sets its own district's policy; neither may set the other's
        shortenDeadline(huangzhou.admin(), huangzhou.code(), "PT4S");
        shortenDeadline(tuanfeng.admin(), tuanfeng.code(), "PT5S");
        given().auth().oauth2(huangzhou.admin()).queryParam("districtCode", tuanfeng.code())
                .contentType(ContentType.JSON).body(Map.of("kinds", Map.of("FAMILY_CONFLICT",
                        Map.of("deadline", "PT1S", "escalateEvery", "PT1S"))))
                .put(platform.api(Service.ALERT) + "/escalation-policy").then().statusCode(403);

        String huangzhouAlert = Fixtures.signal(platform, UUID.randomUUID().toString(), huangzhou.cadreId(),
                huangzhou.orgs()[2], "FAMILY_CONFLICT", "端到端测试: 黄州区无人响应");
        String tuanfengAlert = Fixtures.signal(platform, UUID.randomUUID().toString(), tuanfeng.cadreId(),
                tuanfeng.orgs()[2], "FAMILY_CONFLICT", "端到端测试: 团风县无人响应");

        for (String alert : List.of(huangzhouAlert, tuanfengAlert)) {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    given().auth().oauth2(city).get(platform.api(Service.ALERT) + "/alerts/" + alert)
                            .then().statusCode(200).body("level", equalTo(3)));
        }

        for (District district : List.of(huangzhou, tuanfeng)) {
            District other = district == huangzhou ? tuanfeng : huangzhou;
            ConsumerRecord<String, String> toBureau = TopicProbe.await("alerts",
                    r -> district.cadreId().equals(r.key())
                            && "shouwang.AlertEscalated.v1".equals(TopicProbe.header(r, "ce_type"))
                            && r.value().contains("\"level\":3"),
                    1, Duration.ofSeconds(30)).get(0);
            assertThat(toBureau.value()).as("level 3 in %s names its own bureau", district.code())
                    .contains(district.bureauPhone(), district.code())
                    .doesNotContain(other.bureauPhone());

            Map<String, Object> bureauTask = awaitBureauTask(district);
            assertThat(bureauTask.get("orgCode")).isEqualTo(district.code());
            assertThat(ids(Service.VISIT, "/tasks", district.admin(), Map.of("layer", "BUREAU")))
                    .as("the BUREAU task is in %s's worklist", district.code())
                    .contains((String) bureauTask.get("id"));
            assertThat(ids(Service.VISIT, "/tasks", other.admin(), Map.of("layer", "BUREAU")))
                    .as("and not in the other district's").doesNotContain((String) bureauTask.get("id"));
        }

        // a district admin sees nothing of the other district: its alert, its cadre, its community
        given().auth().oauth2(huangzhou.admin()).get(platform.api(Service.ALERT) + "/alerts/" + tuanfengAlert)
                .then().statusCode(404);
        given().auth().oauth2(tuanfeng.admin()).get(platform.api(Service.REGISTRY) + "/cadres/" + huangzhou.cadreId())
                .then().statusCode(404);
        given().auth().oauth2(tuanfeng.admin()).queryParam("communityCode", huangzhou.orgs()[1])
                .get(platform.api(Service.REGISTRY) + "/cadres").then().statusCode(403);
        assertThat(ids(Service.ALERT, "/alerts", huangzhou.admin(), Map.of()))
                .contains(huangzhouAlert).doesNotContain(tuanfengAlert);
        // and its statistics are its district's, as the city sees that district
        for (District district : List.of(huangzhou, tuanfeng)) {
            int own = given().auth().oauth2(district.admin()).get(platform.api(Service.REGISTRY) + "/statistics/cadres")
                    .then().statusCode(200).extract().path("total");
            int asCitySees = given().auth().oauth2(city).queryParam("districtCode", district.code())
                    .get(platform.api(Service.REGISTRY) + "/statistics/cadres")
                    .then().statusCode(200).extract().path("total");
            assertThat(own).isEqualTo(asCitySees).isEqualTo(1);
        }
    }

    private District district(String name, String bureauPhone, String cadreName) {
        int n = SEQUENCE.incrementAndGet();
        String code = "E2EQX" + n;
        String street = "E2EJDQ" + n;
        String community = "E2ESQQ" + n;
        String grid = community + "-WG01";
        String unit = "E2EDWQ" + n;
        post("/org/districts", Map.of("code", code, "name", name,
                "people", List.of(Map.of("role", "DUTY_OFFICER", "name", name + "值班员", "phone", bureauPhone))));
        post("/org/streets", Map.of("code", street, "name", name + "街道", "districtCode", code));
        post("/org/units", Map.of("code", unit, "name", name + "测试单位"));
        post("/org/communities", Map.of("code", community, "name", name + "测试社区", "streetCode", street));
        post("/org/grids", Map.of("code", grid, "name", "第一网格", "communityCode", community));
        String[] orgs = { unit, community, grid };
        String cadreId = Fixtures.cadre(platform, orgs, cadreName);
        String admin = TestTokens.user("district-admin").districts(code).token();
        // the district's communities reach alert- and visit-service as org records; the admin's scope follows them
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            given().auth().oauth2(admin).get(platform.api(Service.REGISTRY) + "/cadres/" + cadreId)
                    .then().statusCode(200);
            given().auth().oauth2(admin).queryParam("communityCode", community)
                    .get(platform.api(Service.VISIT) + "/tasks").then().statusCode(200);
            given().auth().oauth2(admin).queryParam("communityCode", community)
                    .get(platform.api(Service.ALERT) + "/alerts").then().statusCode(200);
        });
        return new District(code, bureauPhone, orgs, cadreId, admin);
    }

    /** The district's policy for FAMILY_CONFLICT, set by its own bureau (alerts raised from now on). */
    private void shortenDeadline(String admin, String districtCode, String duration) {
        String path = platform.api(Service.ALERT) + "/escalation-policy";
        Map<String, Object> policy = given().auth().oauth2(admin).queryParam("districtCode", districtCode).get(path)
                .then().statusCode(200).extract().jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        Map<String, Object> kinds = new java.util.HashMap<>((Map<String, Object>) policy.get("kinds"));
        kinds.put("FAMILY_CONFLICT", Map.of("deadline", duration, "escalateEvery", duration));
        given().auth().oauth2(admin).contentType(ContentType.JSON).queryParam("districtCode", districtCode)
                .body(Map.of("kinds", kinds)).put(path).then().statusCode(200);
    }

    private Map<String, Object> awaitBureauTask(District district) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> bureauTask(district) != null);
        return bureauTask(district);
    }

    private Map<String, Object> bureauTask(District district) {
        List<Map<String, Object>> tasks = given().auth().oauth2(city).queryParam("cadreId", district.cadreId())
                .queryParam("size", 100).get(platform.api(Service.VISIT) + "/tasks").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return tasks.stream().filter(t -> "BUREAU".equals(t.get("layer"))).findFirst().orElse(null);
    }

    private List<String> ids(Service service, String path, String token, Map<String, Object> query) {
        return given().auth().oauth2(token).queryParams(query).queryParam("size", 200)
                .get(platform.api(service) + path).then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    private void post(String path, Map<String, Object> body) {
        given().auth().oauth2(city).contentType(ContentType.JSON).body(body)
                .post(platform.api(Service.REGISTRY) + path).then().statusCode(201);
    }
}
