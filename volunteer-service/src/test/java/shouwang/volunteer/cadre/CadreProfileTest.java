package shouwang.volunteer.cadre;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import shouwang.kit.security.Placement;

/** The pure reading of a profile: no application start. */
class CadreProfileTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static CadreProfile profile(String status, String deceasedOn, String movedAwayOn, String updatedAt) {
        return new CadreProfile(UUID.randomUUID(), 2L, status, "王建国", "13800000000", "SQ001", "SQ001-WG01", "DW001",
                "FULL", List.of("WIDOWED_CHILDLESS", "SERIOUS_ILLNESS"), deceasedOn, movedAwayOn, updatedAt);
    }

    @Test
    void aDeceasedCadreLeftOnTheDayOfDeath() {
        assertEquals(LocalDate.of(2026, 11, 21),
                profile("DECEASED", "2026-11-21", "2026-10-01", "2026-11-22T08:00:00Z").leftOn(TODAY));
    }

    @Test
    void aCadreWhoMovedAwayLeftOnTheDayOfTheMove() {
        assertEquals(LocalDate.of(2026, 10, 1),
                profile("MOVED_AWAY", "2026-11-21", "2026-10-01", "2026-11-22T08:00:00Z").leftOn(TODAY));
    }

    @Test
    void withoutAReadableDateTheDayOfTheChangeCountsThenToday() {
        assertEquals(LocalDate.of(2026, 11, 22),
                profile("DECEASED", "21/11/2026", null, "2026-11-22T08:00:00Z").leftOn(TODAY));
        assertEquals(TODAY, profile("DECEASED", null, null, "yesterday").leftOn(TODAY));
        assertEquals(TODAY, profile("MOVED_AWAY", null, null, null).leftOn(TODAY));
    }

    @Test
    void categoriesAndPlacementAreKeptAsTheReadModelStoresThem() {
        CadreProfile profile = profile("ACTIVE", null, null, null);
        assertEquals("WIDOWED_CHILDLESS,SERIOUS_ILLNESS", profile.categoriesText());
        assertEquals(new Placement("SQ001", "SQ001-WG01", "DW001"), profile.placement());

        CadreRef cadre = new CadreRef();
        cadre.specialCategories = profile.categoriesText();
        assertEquals(Set.of("WIDOWED_CHILDLESS", "SERIOUS_ILLNESS"), cadre.categories());
        cadre.specialCategories = new CadreProfile(UUID.randomUUID(), 1L, "ACTIVE", null, null, null, null, null,
                null, null, null, null, null).categoriesText();
        assertEquals(Set.of(), cadre.categories());
        assertEquals(new Placement(), cadre.placement());
    }
}
