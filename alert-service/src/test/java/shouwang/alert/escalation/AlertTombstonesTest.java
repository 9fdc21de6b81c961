package shouwang.alert.escalation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.alert.Api;
import shouwang.alert.Fixtures;
import shouwang.kit.security.Roles;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;

/** Offline clients: open alerts follow a moved cadre, and the old community's devices learn to drop them. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class AlertTombstonesTest {

    private static String worker(String community) {
        return TestTokens.user(Roles.COMMUNITY_WORKER).communities(community).token();
    }

    @Test
    void aDeviceOfTheOldCommunityAskingWithUpdatedSinceIsToldToDropTheAlertsThatFollowedTheCadreAway() {
        UUID cadreId = Fixtures.knownCadre("SQ731", "SQ731-WG01", "DW731");
        UUID open = Api.report(cadreId, "HARDSHIP");
        UUID closed = Api.report(cadreId, "WORRY");
        Api.admin().body("{\"reason\":\"DUPLICATE_REPORT\",\"note\":\"同一事项\"}")
                .post("/api/v1/alerts/" + closed + "/resolve").then().statusCode(200);
        Instant lastSync = Instant.now();
        Api.as(worker("SQ731")).get("/api/v1/alerts?updatedSince=" + lastSync).then().statusCode(200)
                .body("removed", equalTo(List.of()));

        Fixtures.publishProfileAndAwait(cadreId, 2, "SQ732", "SQ732-WG01", "DW731", "ACTIVE");

        List<Map<String, String>> removed = Api.as(worker("SQ731")).get("/api/v1/alerts?updatedSince=" + lastSync)
                .then().statusCode(200)
                .body("items.id", not(hasItem(open.toString())))
                .extract().path("removed");
        assertEquals(List.of(open.toString()), removed.stream().map(r -> r.get("id")).toList(),
                "the open alert moved; the resolved one stays where it was");
        assertEquals("MOVED", removed.get(0).get("reason"));
        Api.as(worker("SQ731")).get("/api/v1/alerts").then().body("removed", nullValue())
                .body("items.id", hasItem(closed.toString()));
        Api.as(worker("SQ731")).get("/api/v1/alerts/" + open).then().statusCode(404);

        Api.as(worker("SQ732")).get("/api/v1/alerts?updatedSince=" + lastSync).then().statusCode(200)
                .body("items.id", hasItem(open.toString()))
                .body("removed", equalTo(List.of()));
        Api.admin().get("/api/v1/alerts/" + open).then().body("communityCode", equalTo("SQ732"))
                .body("gridCode", equalTo("SQ732-WG01"));
        Api.admin().get("/api/v1/alerts?updatedSince=" + lastSync).then().body("removed", notNullValue())
                .body("removed", equalTo(List.of()));
    }
}
