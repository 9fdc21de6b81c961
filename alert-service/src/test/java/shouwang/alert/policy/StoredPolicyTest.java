package shouwang.alert.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import shouwang.alert.Api;
import shouwang.alert.Fixtures;
import shouwang.alert.HostileProfile;

/**
 * A policy version stored before changes were bounded (here written straight into the table, as an old release
 * could) must not turn every signal of its kind into a 500: its duration is held to P366D.
 */
@QuarkusTest
@TestProfile(HostileProfile.class)
class StoredPolicyTest {

    @Test
    void anOldVersionWithADurationBeyondAnyDateStillRaisesAlertsHeldToAYear() {
        QuarkusTransaction.requiringNew().run(() -> EscalationPolicy.getEntityManager().createNativeQuery(
                "insert into escalation_policy (version, kinds, created_at, created_by) "
                        + "select version + 1, replace(kinds, '\"WORRY\":{\"deadline\":\"PT72H\"', "
                        + "'\"WORRY\":{\"deadline\":\"P1000000000D\"'), now(), 'old-release' "
                        + "from escalation_policy order by version desc limit 1")
                .executeUpdate());
        Api.admin().get("/api/v1/escalation-policy").then().statusCode(200);

        UUID alertId = Api.report(Fixtures.knownCadre("SQ701", "SQ701-WG01", "DW701"), "WORRY");
        JsonPath alert = Api.admin().get("/api/v1/alerts/" + alertId).then().statusCode(200).extract().jsonPath();
        assertEquals(Duration.ofDays(366), Duration.between(Instant.parse(alert.getString("raisedAt")),
                Instant.parse(alert.getString("deadline"))));
    }
}
