package shouwang.kit.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ClockTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void lateEveningUtcIsAlreadyTomorrowInTheDistrict() {
        Clock clock = Clock.of(java.time.Clock.fixed(Instant.parse("2026-12-01T16:30:00.123456Z"), ZoneOffset.UTC),
                SHANGHAI);

        assertThat(clock.today()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(clock.now()).isEqualTo(Instant.parse("2026-12-01T16:30:00.123Z"));
    }

    @Test
    void aDistrictDayStartsAtLocalMidnight() {
        Clock clock = Clock.of(java.time.Clock.systemUTC(), SHANGHAI);

        assertThat(clock.startOf(LocalDate.of(2026, 12, 2))).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
        assertThat(clock.at(LocalDate.of(2026, 12, 2), LocalTime.of(18, 0)))
                .isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(clock.dateOf(Instant.parse("2026-12-01T15:59:59Z"))).isEqualTo(LocalDate.of(2026, 12, 1));
    }
}
