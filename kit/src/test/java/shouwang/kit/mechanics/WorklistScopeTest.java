package shouwang.kit.mechanics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.kit.paging.Removed;
import shouwang.kit.paging.Tombstones;
import shouwang.kit.security.Placement;
import shouwang.kit.security.Scope;
import shouwang.kit.testing.PlatformTestProfile;
import shouwang.kit.testing.TestTokens;

/** Street officers see the communities of their streets; worklists tell a device what left its view. */
@QuarkusTest
@TestProfile(PlatformTestProfile.class)
class WorklistScopeTest {

    @Inject
    Tombstones tombstones;

    @Test
    void aStreetOfficerSeesTheCommunitiesOfItsStreetsAndNoOthers() {
        given().auth().oauth2(TestTokens.user("street-officer").streets("JD001").token())
                .get("/api/v1/test-notes/scope")
                .then().statusCode(200)
                .body("communities", contains("SQ001", "SQ002"))
                .body("streets", contains("JD001"));
        given().auth().oauth2(TestTokens.user("street-officer").streets("JD404").token())
                .get("/api/v1/test-notes/scope")
                .then().statusCode(200)
                .body("communities", empty());
    }

    @Test
    void streetCodesCountOnlyForStreetOfficers() {
        given().auth().oauth2(TestTokens.user("community-worker").communities("SQ003").streets("JD001").token())
                .get("/api/v1/test-notes/scope")
                .then().statusCode(200)
                .body("communities", contains("SQ003"))
                .body("streets", empty());
    }

    @Test
    void aCadreTokenNamesItsCadreAndSeesNoCommunity() {
        UUID cadre = UUID.randomUUID();
        given().auth().oauth2(TestTokens.user("cadre").cadre(cadre).token())
                .get("/api/v1/test-notes/scope")
                .then().statusCode(200)
                .body("cadre", equalTo(cadre.toString()))
                .body("communities", empty());
        given().auth().oauth2(TestTokens.user("community-worker").cadre(cadre).communities("SQ001").token())
                .get("/api/v1/test-notes/scope")
                .then().statusCode(200)
                .body("cadre", equalTo("none"));
    }

    @Test
    void aRecordThatMovedAwayIsATombstoneOnlyForThoseWhoLostSightOfIt() {
        String task = UUID.randomUUID().toString();
        String stayed = UUID.randomUUID().toString();
        Instant before = Instant.now().minusSeconds(60);
        QuarkusTransaction.requiringNew().run(() -> {
            tombstones.record("test-task", task, new Placement("SQ001", "SQ001-WG01", "DW001"),
                    new Placement("SQ003", "SQ003-WG01", "DW001"), Tombstones.MOVED, Instant.now());
            tombstones.record("test-task", stayed, new Placement("SQ001", "SQ001-WG01", "DW001"),
                    new Placement("SQ001", "SQ001-WG01", "DW001"), Tombstones.MOVED, Instant.now());
        });
        Scope oldCommunity = new Scope(false, Set.of("SQ001"), Set.of(), Set.of());
        Scope newCommunity = new Scope(false, Set.of("SQ003"), Set.of(), Set.of());
        Scope sameUnit = new Scope(false, Set.of(), Set.of(), Set.of("DW001"));

        List<Removed> lost = QuarkusTransaction.requiringNew()
                .call(() -> tombstones.since("test-task", oldCommunity, before));
        assertThat(lost).extracting(Removed::id).containsExactly(task);
        assertThat(lost.get(0).reason()).isEqualTo("MOVED");
        assertThat(QuarkusTransaction.requiringNew().call(() -> tombstones.since("test-task", newCommunity, before)))
                .isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> tombstones.since("test-task", sameUnit, before)))
                .as("the unit liaison still sees it: the cadre kept its unit")
                .isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> tombstones.since("test-task", Scope.everything(),
                before))).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> tombstones.since("test-task", oldCommunity,
                Instant.now().plusSeconds(60)))).isEmpty();
    }

    @Test
    void aDeletedRecordIsATombstoneForEveryoneWhoSawIt() {
        String gone = UUID.randomUUID().toString();
        Instant before = Instant.now().minusSeconds(60);
        QuarkusTransaction.requiringNew().run(() -> tombstones.record("test-visit", gone,
                new Placement("SQ002", null, null), null, Tombstones.DELETED, Instant.now()));
        assertThat(QuarkusTransaction.requiringNew().call(() -> tombstones.since("test-visit",
                new Scope(false, Set.of("SQ002"), Set.of(), Set.of()), before)))
                .extracting(Removed::id, Removed::reason).containsExactly(org.assertj.core.groups.Tuple.tuple(gone,
                        "DELETED"));
    }
}
