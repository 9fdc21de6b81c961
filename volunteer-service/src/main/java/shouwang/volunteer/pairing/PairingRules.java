package shouwang.volunteer.pairing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Set;

import shouwang.kit.problem.ConflictException;
import shouwang.kit.problem.InvalidFieldsException;
import shouwang.volunteer.cadre.CadreRef;

/** Who may serve as a pairing volunteer, how often they keep in touch, and when a pairing ends. */
final class PairingRules {

    static final String DEFAULT_CADENCE = "P7D";
    static final String ENDED_BY_STAFF = "ENDED_BY_STAFF";
    /** Categories that keep a cadre from serving as another's pairing volunteer. */
    static final Set<String> NOT_IN_GOOD_HEALTH = Set.of("SERIOUS_ILLNESS", "DISABLED");

    private PairingRules() {
    }

    /**
     * The requested cadence, {@code P7D} when none: a calendar period (P7D, P2W, P1M) from one day to a year.
     * visit-service reads the cadence with {@code java.time.Period}, so time-based durations (PT72H) are refused here
     * rather than dead-lettered there.
     */
    static String cadence(String requested) {
        String cadence = requested == null || requested.isBlank() ? DEFAULT_CADENCE : requested.trim();
        Period period;
        try {
            period = Period.parse(cadence);
        } catch (DateTimeParseException e) {
            throw InvalidFieldsException.of("cadence", "must be an ISO-8601 period such as P7D, P2W or P1M");
        }
        long days = period.toTotalMonths() * 30 + period.getDays();
        if (period.isNegative() || days < 1 || days > 366) {
            throw InvalidFieldsException.of("cadence", "must be between P1D and P1Y");
        }
        return cadence;
    }

    /** A cadre volunteer must be in good health: fully self-caring and neither seriously ill nor disabled. */
    static void requireGoodHealth(CadreRef cadre) {
        if (!"FULL".equals(cadre.selfCare) || cadre.categories().stream().anyMatch(NOT_IN_GOOD_HEALTH::contains)) {
            throw new ConflictException("Cadre " + cadre.id + " is not in good health to serve as a pairing volunteer");
        }
    }

    /** Staff may not end an active pairing before the day it started. */
    static void requireEndNotBeforeStart(Pairing pairing, LocalDate endedOn) {
        if (pairing.status == Pairing.Status.ACTIVE && endedOn.isBefore(pairing.startedOn)) {
            throw InvalidFieldsException.of("endedOn",
                    "must not be before the pairing started (" + pairing.startedOn + ")");
        }
    }

    /** The reason staff give, {@code ENDED_BY_STAFF} when none. */
    static String staffReason(String reason) {
        return reason == null || reason.isBlank() ? ENDED_BY_STAFF : reason.trim();
    }

    /**
     * Ends an active pairing on a day, never before it started (a cadre reported dead before the pairing's start
     * date ends it on that date); an ended pairing stays as it is. Returns whether this call ended it.
     */
    static boolean end(Pairing pairing, LocalDate on, String reason, Instant at) {
        if (pairing.status != Pairing.Status.ACTIVE) {
            return false;
        }
        pairing.status = Pairing.Status.ENDED;
        pairing.endedOn = on.isBefore(pairing.startedOn) ? pairing.startedOn : on;
        pairing.endReason = reason;
        pairing.updatedAt = at;
        return true;
    }
}
