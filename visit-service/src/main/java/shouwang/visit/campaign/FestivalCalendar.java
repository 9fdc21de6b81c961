package shouwang.visit.campaign;

import java.time.LocalDate;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;

/** Festival days from the Chinese lunar calendar (cn.6tail:lunar): 春节 = 正月初一, 重阳节 = 九月初九. */
public final class FestivalCalendar {

    private FestivalCalendar() {
    }

    /** The Gregorian date of 春节 in a Gregorian year (lunar year {@code year}, month 1, day 1). */
    public static LocalDate springFestival(int year) {
        return solar(Lunar.fromYmd(year, 1, 1));
    }

    /** The Gregorian date of 重阳节 in a Gregorian year (lunar year {@code year}, month 9, day 9). */
    public static LocalDate doubleNinth(int year) {
        return solar(Lunar.fromYmd(year, 9, 9));
    }

    public static LocalDate of(CampaignType type, int year) {
        return switch (type) {
            case SPRING_FESTIVAL -> springFestival(year);
            case DOUBLE_NINTH -> doubleNinth(year);
            default -> throw new IllegalArgumentException(type + " is not a festival");
        };
    }

    /** The festival's next occurrence on or after {@code from}. */
    public static LocalDate next(CampaignType type, LocalDate from) {
        LocalDate day = of(type, from.getYear());
        return day.isBefore(from) ? of(type, from.getYear() + 1) : day;
    }

    private static LocalDate solar(Lunar lunar) {
        Solar solar = lunar.getSolar();
        return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
    }
}
