package shouwang.volunteer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;

/**
 * Every list meets the caller's scope the same way (docs/security.md): filtered on a community, grid or cadre outside
 * it is a 403, unfiltered it is silently narrowed to it, and one record outside it is a 404.
 */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class ListScopeTest {

    static final String WORKER = TestTokens.user("community-worker").communities("SQ801").token();
    static final String GRID_WORKER = TestTokens.user("grid-worker").grids("SQ801-WG01").token();

    /** What both communities hold, made once: a cadre, a post in its grid, a team and a pairing each. */
    record Place(UUID cadre, String post, String team, String pairing, String activity) {
    }

    private static Place inside;
    private static Place outside;

    static synchronized Place inside() {
        if (inside == null) {
            inside = place("SQ801", "13100000801");
        }
        return inside;
    }

    static synchronized Place outside() {
        if (outside == null) {
            outside = place("SQ802", "13100000802");
        }
        return outside;
    }

    private static Place place(String community, String phone) {
        String admin = TestTokens.districtAdmin();
        UUID cadre = Fixtures.activeCadre(community);
        String post = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("title", "网格巡逻", "category", "SECURITY_PATROL", "communityCode", community,
                        "gridCode", community + "-WG01", "capacity", 3))
                .post("/api/v1/posts").then().statusCode(201).extract().path("id");
        String team = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "巡逻队", "category", "SECURITY_PATROL", "communityCode", community,
                        "members", java.util.List.of(Map.of("volunteerName", "队员", "phone", phone))))
                .post("/api/v1/teams").then().statusCode(201).extract().path("id");
        String pairing = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("cadreId", cadre.toString(), "volunteerName", "邻居", "phone", phone))
                .post("/api/v1/pairings").then().statusCode(201).extract().path("id");
        java.time.Instant nextWeek = java.time.Instant.now().plus(java.time.Duration.ofDays(7));
        String activity = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("title", "太极拳队", "kind", "TEAM", "communityCode", community, "capacity", 20,
                        "sessions", java.util.List.of(Map.of("startsAt", nextWeek.toString(),
                                "endsAt", nextWeek.plusSeconds(7200).toString(), "place", "广场"))))
                .post("/api/v1/activities").then().statusCode(201).extract().path("id");
        return new Place(cadre, post, team, pairing, activity);
    }

    private static String withIds(String path) {
        return path.replace("{insideCadre}", inside().cadre().toString())
                .replace("{outsideCadre}", outside().cadre().toString())
                .replace("{unknownCadre}", UUID.randomUUID().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/pairings?communityCode=SQ802",
            "/pairings?cadreId={outsideCadre}",
            "/pairings?cadreId={unknownCadre}",
            "/service-records?communityCode=SQ802",
            "/volunteers?communityCode=SQ802",
            "/posts?communityCode=SQ802",
            "/posts?gridCode=SQ802-WG01",
            "/teams?communityCode=SQ802",
            "/activities?communityCode=SQ802",
            "/statistics/service?communityCode=SQ802" })
    void aListFilteredOutsideTheScopeIsForbidden(String path) {
        given().auth().oauth2(WORKER).get("/api/v1" + withIds(path)).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/pairings?communityCode=SQ801",
            "/pairings?cadreId={insideCadre}",
            "/service-records?communityCode=SQ801",
            "/volunteers?communityCode=SQ801",
            "/posts?communityCode=SQ801",
            "/posts?gridCode=SQ801-WG01",
            "/teams?communityCode=SQ801",
            "/activities?communityCode=SQ801",
            "/statistics/service?communityCode=SQ801" })
    void theSameListFilteredInsideTheScopeIsServed(String path) {
        given().auth().oauth2(WORKER).get("/api/v1" + withIds(path)).then().statusCode(200);
    }

    @Test
    void aFilterOnTheCallersOwnRowsFindsThem() {
        Place place = inside();
        given().auth().oauth2(WORKER).get("/api/v1/pairings?cadreId=" + place.cadre()).then()
                .body("items.id", hasItem(place.pairing()));
        given().auth().oauth2(WORKER).get("/api/v1/posts?gridCode=SQ801-WG01&size=500").then()
                .body("items.id", hasItem(place.post()));
        given().auth().oauth2(WORKER).get("/api/v1/teams?communityCode=SQ801&size=500").then()
                .body("items.id", hasItem(place.team()));
    }

    @Test
    void aGridWorkerMayFilterByItsGridsCommunityButNoOther() {
        Place place = inside();
        given().auth().oauth2(GRID_WORKER).get("/api/v1/pairings?communityCode=SQ801").then().statusCode(200)
                .body("items.id", hasItem(place.pairing()));
        given().auth().oauth2(GRID_WORKER).get("/api/v1/posts?communityCode=SQ801&size=500").then()
                .statusCode(200).body("items.id", hasItem(place.post()));
        given().auth().oauth2(GRID_WORKER).get("/api/v1/pairings?communityCode=SQ802").then().statusCode(403);
        given().auth().oauth2(GRID_WORKER).get("/api/v1/posts?gridCode=SQ802-WG01").then().statusCode(403);
    }

    @Test
    void unfilteredListsAreNarrowedToTheScopeAndOneRecordOutsideItIsNotFound() {
        Place mine = inside();
        Place theirs = outside();
        given().auth().oauth2(WORKER).get("/api/v1/posts?size=500").then().statusCode(200)
                .body("items.id", hasItem(mine.post())).body("items.id", not(hasItem(theirs.post())));
        given().auth().oauth2(WORKER).get("/api/v1/teams?size=500").then().statusCode(200)
                .body("items.id", hasItem(mine.team())).body("items.id", not(hasItem(theirs.team())));
        given().auth().oauth2(WORKER).get("/api/v1/pairings?size=500").then().statusCode(200)
                .body("items.id", hasItem(mine.pairing())).body("items.id", not(hasItem(theirs.pairing())));
        given().auth().oauth2(WORKER).get("/api/v1/posts/" + theirs.post()).then().statusCode(404);
        given().auth().oauth2(WORKER).get("/api/v1/teams/" + theirs.team()).then().statusCode(404);
        given().auth().oauth2(WORKER).get("/api/v1/pairings/" + theirs.pairing()).then().statusCode(404);
        given().auth().oauth2(WORKER).get("/api/v1/activities?size=500").then().statusCode(200)
                .body("items.id", hasItem(mine.activity())).body("items.id", not(hasItem(theirs.activity())));
        given().auth().oauth2(WORKER).get("/api/v1/activities/" + theirs.activity()).then().statusCode(404);
        given().auth().oauth2(WORKER).get("/api/v1/activities/" + theirs.activity() + "/sessions/1/attendance")
                .then().statusCode(404);

        String volunteer = TestTokens.named("volunteer-801").roles("volunteer").communities("SQ801").token();
        given().auth().oauth2(volunteer).get("/api/v1/posts?size=500").then().statusCode(200)
                .body("items.id", hasItem(mine.post())).body("items.id", not(hasItem(theirs.post())));
        given().auth().oauth2(volunteer).get("/api/v1/posts?communityCode=SQ802").then().statusCode(403);
        given().auth().oauth2(volunteer).get("/api/v1/teams/" + theirs.team()).then().statusCode(404);

        String admin = TestTokens.districtAdmin();
        given().auth().oauth2(admin).get("/api/v1/posts/" + theirs.post()).then().statusCode(200);
        given().auth().oauth2(admin).get("/api/v1/teams?communityCode=SQ802").then().statusCode(200)
                .body("items.id", hasItem(theirs.team()));
        given().auth().oauth2(admin).get("/api/v1/pairings?cadreId=" + theirs.cadre()).then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void aTokenWithoutScopeSeesNoPostsOrTeamsAndMayNotFilterThem() {
        inside();
        String unscoped = TestTokens.named("worker-801-without-scope").roles("community-worker").token();
        given().auth().oauth2(unscoped).get("/api/v1/posts").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(unscoped).get("/api/v1/teams").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(unscoped).get("/api/v1/activities").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(unscoped).get("/api/v1/activities?communityCode=SQ801").then().statusCode(403);
        given().auth().oauth2(unscoped).get("/api/v1/posts?communityCode=SQ801").then().statusCode(403);
        given().auth().oauth2(unscoped).get("/api/v1/teams?communityCode=SQ801").then().statusCode(403);
        given().auth().oauth2(unscoped).get("/api/v1/posts/" + inside().post()).then().statusCode(404);
    }
}
