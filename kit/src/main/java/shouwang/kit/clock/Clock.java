package shouwang.kit.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Singleton;
import jakarta.inject.Inject;

/**
 * The one clock of domain code: the current instant, and today's date in the district's zone
 * ({@code shouwang.district.zone}, default Asia/Shanghai). A visit at 23:30 UTC is tomorrow in the district, so no
 * service may take "today" from the system zone or from UTC.
 * <p>
 * Instants have millisecond precision, so what is stored, answered and published is the same value.
 */
@Singleton
public class Clock {

    private final java.time.Clock source;
    private final ZoneId zone;

    @Inject
    public Clock(java.time.Clock source, DistrictZone district) {
        this.source = source;
        this.zone = ZoneId.of(district.zone());
    }

    /** For plain unit tests of pure rules: a clock over any source, in the given zone. */
    public static Clock of(java.time.Clock source, ZoneId zone) {
        return new Clock(source, () -> zone.getId());
    }

    public Instant now() {
        return source.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(source.instant(), zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The district-local date of an instant. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** The instant a district-local day begins. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The instant of a district-local wall-clock time on a day (a campaign's cut-off, say). */
    public Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }
}
