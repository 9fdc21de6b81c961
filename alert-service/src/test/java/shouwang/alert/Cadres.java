package shouwang.alert;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;

import shouwang.alert.cadre.CadreProfile;

/** Cadres registered the way registry does it: a profile event on cadre-profiles. */
public final class Cadres {

    private Cadres() {
    }

    /** Publishes the profile and waits until alert-service holds that version. */
    public static UUID known(String community, String grid, String unit) {
        UUID cadreId = UUID.randomUUID();
        publishAndAwait(cadreId, 1, community, grid, unit, "ACTIVE");
        return cadreId;
    }

    public static void publishAndAwait(UUID cadreId, long version, String community, String grid, String unit,
            String status) {
        Bus.profile(cadreId, version, community, grid, unit, status);
        await().atMost(Duration.ofSeconds(30)).until(() -> heldVersion(cadreId) == version);
    }

    public static long heldVersion(UUID cadreId) {
        CadreProfile held = QuarkusTransaction.requiringNew().call(() -> CadreProfile.findById(cadreId));
        return held == null ? -1 : held.version;
    }

    public static CadreProfile held(UUID cadreId) {
        return QuarkusTransaction.requiringNew().call(() -> CadreProfile.findById(cadreId));
    }
}
