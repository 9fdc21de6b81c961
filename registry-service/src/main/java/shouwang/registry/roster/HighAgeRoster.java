package shouwang.registry.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import shouwang.registry.cadre.Codes.Gender;

/**
 * 高龄津贴名单 for a month: the cadres aged 80 or more by the month's last day who were on the books on its first day,
 * by band (80-89, 90-99, 100+), and what changed since the previous month. {@code frozenAt}/{@code frozenBy}: when
 * and by whom the month's list was frozen (the list that went to payment), null while it is live.
 */
public record HighAgeRoster(YearMonth month, int total, Map<String, Integer> byBand, List<Entry> items,
        List<Change> changes, Instant frozenAt, String frozenBy) {

    public static final String TURNED_80 = "TURNED_80";
    public static final String ADDED = "ADDED";
    public static final String BAND_CHANGED = "BAND_CHANGED";
    public static final String DIED = "DIED";
    public static final String MOVED_AWAY = "MOVED_AWAY";
    public static final String REMOVED = "REMOVED";

    /** {@code change} is this cadre's change since last month, null when none. */
    public record Entry(UUID cadreId, String name, Gender gender, LocalDate birthDate, int age, String band,
            String idNumber, String communityCode, String communityName, String gridCode, String unitCode,
            String phone, String address, String change) {

        Entry withIdNumber(String number) {
            return new Entry(cadreId, name, gender, birthDate, age, band, number, communityCode, communityName,
                    gridCode, unitCode, phone, address, change);
        }
    }

    /** {@code on}: the 80th birthday, the birthday that moved the band, the date of death or of moving away. */
    public record Change(UUID cadreId, String name, String change, String fromBand, String toBand, LocalDate on) {
    }
}
