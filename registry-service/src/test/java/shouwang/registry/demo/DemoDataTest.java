package shouwang.registry.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

import shouwang.kit.testing.TestTokens;
import shouwang.registry.RegistryTestProfile;

/**
 * The demo loader of the local stack (deploy/local/demo/DemoData.java) run as up.sh runs it, against this
 * application: the city (two districts) is set up through /imports/orgs, PUT /org/bureau, /imports/cadres and
 * /imports/contacts alone, with no rejected row, and a second run changes nothing. An application start (and database) of its own.
 */
@QuarkusTest
@TestProfile(DemoDataTest.Profile.class)
class DemoDataTest {

    public static class Profile extends RegistryTestProfile {
    }

    private static final Path LOADER = Path.of("..", "deploy", "local", "demo", "DemoData.java");

    private static String load() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), LOADER.toString(), "http://localhost:" + RestAssured.port,
                TestTokens.user("city-admin").token()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the loader did not finish");
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Test
    void theDemoDistrictIsSetUpThroughTheImportEndpoints() throws Exception {
        assertTrue(Files.exists(LOADER), LOADER.toAbsolutePath().toString());
        String first = load();
        assertTrue(first.contains("orgs") && first.contains("contacts"), first);
        assertTrue(first.contains("421102 黄州区 302 cadres") && first.contains("421121 团风县 40 cadres"), first);
        String admin = TestTokens.user("city-admin").token();
        given().auth().oauth2(admin).get("/api/v1/org/streets/JD001").then().statusCode(200)
                .body("name", equalTo("东城街道")).body("people.role", equalTo(List.of("LEADER", "DUTY_OFFICER")));
        given().auth().oauth2(admin).queryParam("streetCode", "JD001").get("/api/v1/org/communities").then()
                .body("items.code", equalTo(List.of("SQ001", "SQ002", "SQ003")));
        given().auth().oauth2(admin).queryParam("streetCode", "JD002").get("/api/v1/org/communities").then()
                .body("items.code", equalTo(List.of("SQ004", "SQ005", "SQ006")));
        given().auth().oauth2(admin).get("/api/v1/org/units/DW001").then().body("people.size()", equalTo(2));
        given().auth().oauth2(admin).get("/api/v1/org/bureau").then().body("code", equalTo("QWLGJ"))
                .body("people[0].role", equalTo("LEADER"));
        // 300 imported, and the couple of the cadre login registered with fixed ids
        given().auth().oauth2(admin).get("/api/v1/statistics/cadres").then().body("total", equalTo(342));
        // a city of two districts, each bureau seeing its own: 黄州区 the 300 demo cadres and the couple, 团风县 its 40
        given().auth().oauth2(admin).get("/api/v1/org/districts").then().statusCode(200)
                .body("items.code", equalTo(List.of("421102", "421121")));
        given().auth().oauth2(admin).get("/api/v1/org/streets/JD101").then().body("districtCode", equalTo("421121"));
        given().auth().oauth2(admin).get("/api/v1/org/streets/JD002").then().body("districtCode", equalTo("421102"));
        given().auth().oauth2(TestTokens.user("district-admin").districts("421102").token())
                .get("/api/v1/statistics/cadres").then().body("total", equalTo(302));
        given().auth().oauth2(TestTokens.user("district-admin").districts("421121").token())
                .get("/api/v1/statistics/cadres").then().body("total", equalTo(40));
        given().auth().oauth2(admin).get("/api/v1/cadres/5a0e3f1c-7d2b-4c1e-9a6f-2b8d4e6f0a01").then()
                .statusCode(200).body("name", equalTo("王建国"))
                .body("householdMemberIds", equalTo(List.of("5a0e3f1c-7d2b-4c1e-9a6f-2b8d4e6f0a02")));
        int members = given().auth().oauth2(admin).get("/api/v1/party-branches/DZB-SQ001").then().statusCode(200)
                .extract().path("memberCount");
        given().auth().oauth2(admin).get("/api/v1/party-branches/DZB-SQ001/study-sessions").then()
                .body("total", equalTo(1)).body("items[0].memberCount", equalTo(members))
                .body("items[0].absenteeIds.size()", org.hamcrest.Matchers.greaterThan(0));
        given().auth().oauth2(admin).queryParam("missingContacts", "true").get("/api/v1/cadres").then()
                .body("total", equalTo(0));
        String officer = TestTokens.user("street-officer").streets("JD001").token();
        given().auth().oauth2(officer).queryParam("size", 300).get("/api/v1/cadres").then().statusCode(200)
                .body("items.communityCode", everyItem(oneOf("SQ001", "SQ002", "SQ003")));

        int bureauVersion = given().auth().oauth2(admin).get("/api/v1/org/bureau").then().extract().path("version");
        int coupleVersion = given().auth().oauth2(admin).get("/api/v1/cadres/5a0e3f1c-7d2b-4c1e-9a6f-2b8d4e6f0a01")
                .then().extract().path("version");
        load();
        given().auth().oauth2(admin).get("/api/v1/cadres/5a0e3f1c-7d2b-4c1e-9a6f-2b8d4e6f0a01").then()
                .body("version", equalTo(coupleVersion));
        given().auth().oauth2(admin).get("/api/v1/party-branches/DZB-SQ001/study-sessions").then()
                .body("total", equalTo(1));
        given().auth().oauth2(admin).get("/api/v1/org/streets/JD001").then().body("version", equalTo(1));
        given().auth().oauth2(admin).get("/api/v1/org/bureau").then().body("version", equalTo(bureauVersion));
        given().auth().oauth2(admin).get("/api/v1/statistics/cadres").then().body("total", equalTo(342));
    }
}
