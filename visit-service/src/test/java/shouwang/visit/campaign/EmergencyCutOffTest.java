package shouwang.visit.campaign;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;
import shouwang.visit.Profiles;
import shouwang.visit.TestClock;

/** 战时: an active cadre unreached at the day's cut-off is announced once per day, until the campaign ends. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class EmergencyCutOffTest {

    static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    CampaignService campaigns;

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.reset();
    }

    static void at(LocalDate day, LocalTime time) {
        TestClock.CLOCK.set(day.atTime(time).atZone(DISTRICT).toInstant());
    }

    static List<TopicProbe.Received> unreached(String campaignId, int expected) {
        return TopicProbe.events("visits", "VisitMissed",
                d -> d.path("campaignId").asText().equals(campaignId), expected, WAIT);
    }

    @Test
    void anUnreachedCadreIsAnnouncedOncePerDayAtTheCutOffUntilTheCampaignEnds() {
        LocalDate day = LocalDate.now(DISTRICT);
        String community = "EM" + UUID.randomUUID().toString().substring(0, 6);
        UUID reached = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, community, community + "-WG01", "DW001"));
        UUID waiting = Profiles.registered(Profiles.profile(UUID.randomUUID(), 1, community, community + "-WG02", "DW001"));
        String worker = TestTokens.user("community-worker").communities(community).token();
        at(day, LocalTime.of(10, 0));
        String id = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(Map.of("type", "EMERGENCY_DAILY", "startOn", day.toString(), "endOn", day.plusDays(3).toString(),
                        "cutOff", "12:00"))
                .post("/api/v1/campaigns").then().statusCode(201).body("cutOff", equalTo("12:00:00"))
                .extract().jsonPath().getString("id");
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(Map.of("cadreId", reached, "visitedAt", day.atTime(9, 30).atZone(DISTRICT).toInstant().toString(),
                        "channel", "PHONE", "layer", "COMMUNITY", "purpose", "EMERGENCY_CHECK"))
                .post("/api/v1/visits").then().statusCode(201).body("purpose", equalTo("EMERGENCY_CHECK"));

        // before the cut-off nobody is announced
        campaigns.announceUnreached();
        at(day, LocalTime.of(12, 1));
        campaigns.announceUnreached();
        campaigns.announceUnreached(); // a rescan (or a second replica) announces nothing new
        List<TopicProbe.Received> first = unreached(id, 1);
        assertThat(first).hasSize(1);
        var data = first.get(0).data();
        assertThat(first.get(0).key()).isEqualTo(waiting.toString());
        assertThat(data.path("kind").asText()).isEqualTo("EMERGENCY_CHECK");
        assertThat(data.path("cadreId").asText()).isEqualTo(waiting.toString());
        assertThat(data.path("on").asText()).isEqualTo(day.toString());
        assertThat(data.path("communityCode").asText()).isEqualTo(community);
        assertThat(data.path("gridCode").asText()).isEqualTo(community + "-WG02");
        assertThat(data.path("detectedAt").asText()).isNotEmpty();

        // the next day both are unreached at its cut-off: one more each
        at(day.plusDays(1), LocalTime.of(12, 5));
        campaigns.announceUnreached();
        campaigns.announceUnreached();
        List<TopicProbe.Received> second = unreached(id, 3);
        assertThat(second).hasSize(3);
        assertThat(second).extracting(r -> r.data().path("cadreId").asText() + "/" + r.data().path("on").asText())
                .containsExactlyInAnyOrder(waiting + "/" + day, waiting + "/" + day.plusDays(1),
                        reached + "/" + day.plusDays(1));

        // ended early (and narrowed first): audited, and nothing more is announced
        given().auth().oauth2(TestTokens.user("community-worker").communities("SQ999").token())
                .post("/api/v1/campaigns/" + id + "/end").then().statusCode(404);
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(Map.of("communityCodes", List.of("SQ001"))).put("/api/v1/campaigns/" + id + "/scope")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.districtAdmin()).contentType(ContentType.JSON)
                .body(Map.of("communityCodes", List.of(community, "SQ001"))).put("/api/v1/campaigns/" + id + "/scope")
                .then().statusCode(200).body("communityCodes", org.hamcrest.Matchers.contains(community, "SQ001"));
        given().auth().oauth2(worker).post("/api/v1/campaigns/" + id + "/end").then().statusCode(403);
        given().auth().oauth2(TestTokens.districtAdmin()).post("/api/v1/campaigns/" + id + "/end").then()
                .statusCode(200).body("endOn", equalTo(day.plusDays(1).toString()))
                .body("endedBy", org.hamcrest.Matchers.notNullValue());
        at(day.plusDays(2), LocalTime.of(12, 5));
        campaigns.announceUnreached();
        assertThat(unreached(id, 3)).hasSize(3);
        given().auth().oauth2(TestTokens.districtAdmin()).get("/api/v1/campaigns/" + id + "/history").then()
                .statusCode(200).body("action", org.hamcrest.Matchers.contains("SCOPE", "END"))
                .body("[0].detail", equalTo(community + " -> " + community + ",SQ001"));
    }
}
