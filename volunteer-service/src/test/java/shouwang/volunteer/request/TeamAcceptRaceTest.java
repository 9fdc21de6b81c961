package shouwang.volunteer.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import shouwang.kit.testing.PlatformTestProfile;
import shouwang.volunteer.Fixtures;

/** Two members of the dispatched team accept at once: the row lock lets one win, the other gets a 409. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class TeamAcceptRaceTest {

    static final String COMMUNITY = "SQ931";

    @Test
    void twoConcurrentAcceptsGiveOne200AndOne409AndTheWinnerEarnsTheHours() throws Exception {
        String worker = Orders.worker(COMMUNITY);
        UUID cadre = Fixtures.activeCadre(COMMUNITY);
        String first = Orders.volunteer("req-team-931a", COMMUNITY, "13900931001");
        String second = Orders.volunteer("req-team-931b", COMMUNITY, "13900931002");
        String team = given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body(Map.of("name", "银龄帮帮队", "category", "ELDER_HELP", "communityCode", COMMUNITY, "members",
                        List.of(Map.of("volunteerId", first), Map.of("volunteerId", second))))
                .post("/api/v1/teams").then().statusCode(201).extract().path("id");
        String request = Orders.open(worker, cadre, "COMPANIONSHIP", "周末陪伴聊天");
        Orders.dispatch(worker, request, "teamId", team).statusCode(200).body("assigneeKind", equalTo("TEAM"));

        List<String> tokens = List.of(Orders.volunteerToken("req-team-931a", COMMUNITY),
                Orders.volunteerToken("req-team-931b", COMMUNITY));
        // both members see the team's request
        tokens.forEach(token -> Orders.get(token, request).statusCode(200));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String token : tokens) {
            answers.add(pool.submit(() -> {
                start.await();
                return Orders.post(token, request, "accept", null).extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertEquals(List.of(200, 409), statuses.stream().sorted().toList(), statuses.toString());
        Fixtures.awaitEvent("ServiceRequestAccepted", "requestId", request);

        // staff complete it: the member who accepted is credited
        String acceptedBy = Orders.get(worker, request).statusCode(200).body("status", equalTo("ACCEPTED")).extract()
                .path("acceptedBy");
        String winner = acceptedBy.equals("req-team-931a") ? first : second;
        Orders.post(worker, request, "complete", Map.of("hours", 1.25)).statusCode(200)
                .body("creditedVolunteerId", equalTo(winner));
        given().auth().oauth2(worker).get("/api/v1/volunteers/" + winner + "/hours").then().statusCode(200)
                .body("balance", equalTo(1.25f));
    }
}
