package shouwang.visit.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FestivalCalendarTest {

    @Test
    void springFestivalIsTheFirstDayOfTheFirstLunarMonth() {
        assertThat(FestivalCalendar.springFestival(2025)).isEqualTo(LocalDate.of(2025, 1, 29));
        assertThat(FestivalCalendar.springFestival(2026)).isEqualTo(LocalDate.of(2026, 2, 17));
        assertThat(FestivalCalendar.springFestival(2027)).isEqualTo(LocalDate.of(2027, 2, 6));
        assertThat(FestivalCalendar.springFestival(2030)).isEqualTo(LocalDate.of(2030, 2, 3));
    }

    @Test
    void doubleNinthIsTheNinthDayOfTheNinthLunarMonth() {
        assertThat(FestivalCalendar.doubleNinth(2024)).isEqualTo(LocalDate.of(2024, 10, 11));
        assertThat(FestivalCalendar.doubleNinth(2025)).isEqualTo(LocalDate.of(2025, 10, 29));
        assertThat(FestivalCalendar.doubleNinth(2026)).isEqualTo(LocalDate.of(2026, 10, 18));
    }

    @Test
    void theNextFestivalIsThisYearsUntilItHasPassed() {
        assertThat(FestivalCalendar.next(CampaignType.SPRING_FESTIVAL, LocalDate.of(2026, 2, 17)))
                .isEqualTo(LocalDate.of(2026, 2, 17));
        assertThat(FestivalCalendar.next(CampaignType.SPRING_FESTIVAL, LocalDate.of(2026, 2, 18)))
                .isEqualTo(LocalDate.of(2027, 2, 6));
        assertThat(FestivalCalendar.next(CampaignType.DOUBLE_NINTH, LocalDate.of(2026, 11, 22)))
                .isEqualTo(FestivalCalendar.doubleNinth(2027));
    }
}
