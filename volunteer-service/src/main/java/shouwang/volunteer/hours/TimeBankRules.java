package shouwang.volunteer.hours;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import shouwang.kit.problem.ConflictException;

/** The arithmetic of the time bank: hours with two decimals, never money; a balance never goes below zero. */
final class TimeBankRules {

    private TimeBankRules() {
    }

    /** The balance after an entry: earned and received hours add, spent and donated hours subtract. */
    static BigDecimal balanceAfter(BigDecimal balance, HourEntry.Kind kind, BigDecimal hours) {
        return kind.credits() ? balance.add(hours) : balance.subtract(hours);
    }

    /** Spending or donating more than the balance is a 409: the ledger never overdraws. */
    static void requireCovers(UUID volunteerId, BigDecimal balance, BigDecimal hours) {
        if (balance.compareTo(hours) < 0) {
            throw new ConflictException("Volunteer " + volunteerId + " has " + balance.setScale(2)
                    + " hours, fewer than " + hours.setScale(2));
        }
    }

    /** The total of each kind, zero for a kind without entries, in hours with two decimals. */
    static Map<HourEntry.Kind, BigDecimal> totals(Map<HourEntry.Kind, BigDecimal> sums) {
        Map<HourEntry.Kind, BigDecimal> totals = new EnumMap<>(HourEntry.Kind.class);
        for (HourEntry.Kind kind : HourEntry.Kind.values()) {
            totals.put(kind, sums.getOrDefault(kind, BigDecimal.ZERO).setScale(2));
        }
        return totals;
    }
}
