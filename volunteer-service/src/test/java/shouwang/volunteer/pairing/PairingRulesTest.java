package shouwang.volunteer.pairing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import shouwang.kit.problem.ConflictException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.volunteer.cadre.CadreRef;

/** Pairing rules, without an application start. */
class PairingRulesTest {

    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    static final LocalDate STARTED = LocalDate.of(2026, 10, 1);

    static Pairing active() {
        Pairing pairing = new Pairing();
        pairing.id = UUID.randomUUID();
        pairing.status = Pairing.Status.ACTIVE;
        pairing.startedOn = STARTED;
        return pairing;
    }

    static CadreRef cadre(String selfCare, String categories) {
        CadreRef cadre = new CadreRef();
        cadre.id = UUID.randomUUID();
        cadre.selfCare = selfCare;
        cadre.specialCategories = categories;
        return cadre;
    }

    @Test
    void theCadenceIsAWeekUnlessACalendarPeriodIsGiven() {
        assertEquals("P7D", PairingRules.cadence(null));
        assertEquals("P7D", PairingRules.cadence(" "));
        assertEquals("P2W", PairingRules.cadence(" P2W "));
        assertEquals("P1M", PairingRules.cadence("P1M"));
        assertEquals("P1D", PairingRules.cadence("P1D"));
        assertEquals("P1Y", PairingRules.cadence("P1Y"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "PT72H", "weekly", "P0D", "P-7D", "P2Y", "P367D" })
    void aTimeBasedEmptyNegativeOrOverAYearCadenceNamesTheField(String cadence) {
        InvalidFieldsException bad = assertThrows(InvalidFieldsException.class, () -> PairingRules.cadence(cadence));
        assertEquals("cadence", bad.violations().get(0).field());
    }

    @Test
    void onlyAFullySelfCaringCadreNeitherSeriouslyIllNorDisabledMayServe() {
        assertDoesNotThrow(() -> PairingRules.requireGoodHealth(cadre("FULL", "WIDOWED_CHILDLESS")));
        assertThrows(ConflictException.class, () -> PairingRules.requireGoodHealth(cadre("PARTIAL", "")));
        assertThrows(ConflictException.class, () -> PairingRules.requireGoodHealth(cadre(null, "")));
        assertThrows(ConflictException.class,
                () -> PairingRules.requireGoodHealth(cadre("FULL", "CHILDREN_AWAY,SERIOUS_ILLNESS")));
        assertThrows(ConflictException.class, () -> PairingRules.requireGoodHealth(cadre("FULL", "DISABLED")));
    }

    @Test
    void staffMayNotEndAnActivePairingBeforeItStarted() {
        InvalidFieldsException early = assertThrows(InvalidFieldsException.class,
                () -> PairingRules.requireEndNotBeforeStart(active(), STARTED.minusDays(1)));
        assertEquals("endedOn", early.violations().get(0).field());
        assertDoesNotThrow(() -> PairingRules.requireEndNotBeforeStart(active(), STARTED));
        Pairing ended = active();
        ended.status = Pairing.Status.ENDED;
        assertDoesNotThrow(() -> PairingRules.requireEndNotBeforeStart(ended, STARTED.minusDays(1)));
        assertEquals("ENDED_BY_STAFF", PairingRules.staffReason(null));
        assertEquals("ENDED_BY_STAFF", PairingRules.staffReason("  "));
        assertEquals("志愿者搬家", PairingRules.staffReason(" 志愿者搬家 "));
    }

    @Test
    void aPairingEndsOnceAndNeverBeforeItStarted() {
        Pairing pairing = active();
        assertTrue(PairingRules.end(pairing, STARTED.minusDays(5), "CADRE_DECEASED", NOW));
        assertEquals(Pairing.Status.ENDED, pairing.status);
        assertEquals(STARTED, pairing.endedOn);
        assertEquals("CADRE_DECEASED", pairing.endReason);
        assertEquals(NOW, pairing.updatedAt);

        assertFalse(PairingRules.end(pairing, STARTED.plusDays(30), "ENDED_BY_STAFF", NOW.plusSeconds(60)));
        assertEquals(STARTED, pairing.endedOn);
        assertEquals("CADRE_DECEASED", pairing.endReason);
        assertEquals(NOW, pairing.updatedAt);
    }
}
