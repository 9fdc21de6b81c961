package shouwang.visit.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import shouwang.kit.security.Scope;
import shouwang.visit.readmodel.Cadre;

/** Greeting days and campaign visibility: pure rules, no Quarkus boot. */
class CampaignRulesTest {

    static Campaign campaign(CampaignType type, LocalDate startOn, LocalDate endOn, String communities) {
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.type = type;
        campaign.startOn = startOn;
        campaign.endOn = endOn;
        campaign.communityCodes = communities;
        return campaign;
    }

    static Cadre born(LocalDate birthDate) {
        Cadre cadre = new Cadre();
        cadre.birthDate = birthDate;
        return cadre;
    }

    static Scope communities(String... codes) {
        return new Scope(false, Set.of(codes), Set.of(), Set.of());
    }

    static final Scope NO_CLAIMS = new Scope(false, Set.of(), Set.of(), Set.of());

    @Test
    void aFestivalRoundGreetsEveryoneOnTheFestival() {
        LocalDate festival = FestivalCalendar.springFestival(2027);
        Campaign round = campaign(CampaignType.SPRING_FESTIVAL, festival, festival, "");
        assertThat(CampaignService.dueDay(round, born(LocalDate.of(1960, 3, 1)))).isEqualTo(festival);
        assertThat(CampaignService.dueDay(round, born(null))).isEqualTo(festival);
    }

    @Test
    void aBirthdayRoundGreetsTheEightiethAndLaterBirthdaysInItsRange() {
        Campaign round = campaign(CampaignType.BIRTHDAY_80, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "");
        assertThat(CampaignService.dueDay(round, born(LocalDate.of(1946, 5, 20)))).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(CampaignService.dueDay(round, born(LocalDate.of(1931, 5, 20)))).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(CampaignService.dueDay(round, born(LocalDate.of(1947, 5, 20)))).isNull();
        assertThat(CampaignService.dueDay(round, born(null))).isNull();
    }

    @Test
    void aBirthdayOnTheTwentyNinthOfFebruaryFallsOnTheTwentyEighthInOtherYears() {
        Campaign round = campaign(CampaignType.BIRTHDAY_80, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 31), "");
        assertThat(CampaignService.dueDay(round, born(LocalDate.of(1944, 2, 29)))).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void aBirthdayOutsideTheRangeIsNotGreeted() {
        Campaign round = campaign(CampaignType.BIRTHDAY_80, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30), "");
        assertThat(CampaignService.dueDay(round, born(LocalDate.of(1940, 7, 1)))).isNull();
    }

    @Test
    void aDistrictWideCampaignIsVisibleToEveryScopedCallerButNotToOneWithoutScope() {
        Campaign districtWide = campaign(CampaignType.DOUBLE_NINTH, null, null, "");
        assertThat(CampaignService.visible(districtWide, Scope.everything(), NO_CADRES)).isTrue();
        assertThat(CampaignService.visible(districtWide, communities("SQ001"), NO_CADRES)).isTrue();
        assertThat(CampaignService.visible(districtWide, NO_CLAIMS, NO_CADRES)).isFalse();
    }

    /** Nobody of the scope lives in the campaign's communities. */
    static final java.util.function.Predicate<List<String>> NO_CADRES = communities -> false;

    @Test
    void aCommunityCampaignIsVisibleInItsCommunitiesAndToGridAndUnitWorkersWithCadresThere() {
        Campaign local = campaign(CampaignType.EMERGENCY_DAILY, null, null, "SQ001,SQ002");
        assertThat(CampaignService.visible(local, communities("SQ002"), NO_CADRES)).isTrue();
        assertThat(CampaignService.visible(local, communities("SQ003"), NO_CADRES)).isFalse();
        Scope grid = new Scope(false, Set.of(), Set.of("SQ009-WG01"), Set.of());
        Scope unit = new Scope(false, Set.of(), Set.of(), Set.of("DW001"));
        // issue 10: any grid worker or unit liaison read every community's campaigns, their names and coverage
        assertThat(CampaignService.visible(local, grid, NO_CADRES)).isFalse();
        assertThat(CampaignService.visible(local, unit, NO_CADRES)).isFalse();
        assertThat(CampaignService.visible(local, grid, communities -> communities.contains("SQ001"))).isTrue();
        assertThat(CampaignService.visible(local, unit, communities -> communities.contains("SQ002"))).isTrue();
        assertThat(CampaignService.visible(local, NO_CLAIMS, communities -> true)).isFalse();
    }
}
