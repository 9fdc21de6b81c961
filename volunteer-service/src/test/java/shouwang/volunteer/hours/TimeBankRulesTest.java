package shouwang.volunteer.hours;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import shouwang.kit.problem.ConflictException;

/** Time-bank arithmetic, without an application start. */
class TimeBankRulesTest {

    static BigDecimal hours(String value) {
        return new BigDecimal(value);
    }

    @Test
    void earnedAndReceivedHoursAddSpentAndDonatedHoursSubtract() {
        BigDecimal balance = hours("2.50");
        assertEquals(hours("4.00"), TimeBankRules.balanceAfter(balance, HourEntry.Kind.EARNED, hours("1.50")));
        assertEquals(hours("3.50"), TimeBankRules.balanceAfter(balance, HourEntry.Kind.RECEIVED, hours("1")));
        assertEquals(hours("1.25"), TimeBankRules.balanceAfter(balance, HourEntry.Kind.SPENT, hours("1.25")));
        assertEquals(hours("0.00"), TimeBankRules.balanceAfter(balance, HourEntry.Kind.DONATED, hours("2.5")));
    }

    @Test
    void theWholeBalanceMaySpendButNotAHundredthMore() {
        UUID volunteer = UUID.randomUUID();
        assertDoesNotThrow(() -> TimeBankRules.requireCovers(volunteer, hours("2.50"), hours("2.5")));
        ConflictException overdraw = assertThrows(ConflictException.class,
                () -> TimeBankRules.requireCovers(volunteer, hours("2.50"), hours("2.51")));
        assertEquals("Volunteer " + volunteer + " has 2.50 hours, fewer than 2.51", overdraw.getMessage());
        assertThrows(ConflictException.class, () -> TimeBankRules.requireCovers(volunteer, hours("0"), hours("1")));
    }

    @Test
    void totalsNameEveryKindInHoursWithTwoDecimals() {
        Map<HourEntry.Kind, BigDecimal> totals = TimeBankRules.totals(Map.of(HourEntry.Kind.EARNED, hours("3.5")));
        assertEquals(Map.of(HourEntry.Kind.EARNED, hours("3.50"), HourEntry.Kind.SPENT, hours("0.00"),
                HourEntry.Kind.DONATED, hours("0.00"), HourEntry.Kind.RECEIVED, hours("0.00")), totals);
        assertEquals(2, totals.get(HourEntry.Kind.SPENT).scale());
    }

    @Test
    void theEventKeyIsTheHelpedCadreElseThePostElseTheVolunteer() {
        ServiceRecord record = new ServiceRecord();
        record.volunteerId = UUID.randomUUID();
        assertEquals(record.volunteerId.toString(), ServiceHoursLogged.keyOf(record));
        record.postId = UUID.randomUUID();
        assertEquals(record.postId.toString(), ServiceHoursLogged.keyOf(record));
        record.beneficiaryCadreId = UUID.randomUUID();
        assertEquals(record.beneficiaryCadreId.toString(), ServiceHoursLogged.keyOf(record));
    }
}
