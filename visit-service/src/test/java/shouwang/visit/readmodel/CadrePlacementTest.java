package shouwang.visit.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import shouwang.kit.security.Placement;

/** Where work for a cadre is placed, and what counts as a move or a departure; no Quarkus boot. */
class CadrePlacementTest {

    static Cadre cadre(String status, Placement placement) {
        Cadre cadre = new Cadre();
        cadre.id = UUID.randomUUID();
        cadre.status = status;
        cadre.placement = placement;
        return cadre;
    }

    @Test
    void aKnownCadresOwnCodesWinAndTheFallbackFillsOnlyTheGaps() {
        Placement alert = new Placement("SQ009", "SQ009-WG01", "DW009");
        assertThat(Cadre.placementOf(Optional.of(cadre(Cadre.ACTIVE, new Placement("SQ001", "SQ001-WG01", "DW001"))),
                () -> alert)).isEqualTo(new Placement("SQ001", "SQ001-WG01", "DW001"));
        assertThat(Cadre.placementOf(Optional.of(cadre(Cadre.ACTIVE, new Placement("SQ001", null, "DW001"))),
                () -> alert)).isEqualTo(new Placement("SQ001", "SQ009-WG01", "DW001"));
        assertThat(Cadre.placementOf(Optional.of(cadre(Cadre.ACTIVE, null)), () -> alert)).isEqualTo(alert);
        assertThat(Cadre.placementOf(Optional.empty(), () -> alert)).isEqualTo(alert);
        assertThat(Cadre.placementOf(Optional.empty(), () -> null)).isEqualTo(new Placement());
    }

    @Test
    void aCadreLeavesWhenItsStatusLeavesActiveAndMovesWhenItsPlacementChanges() {
        Placement before = new Placement("SQ001", "SQ001-WG01", "DW001");
        assertThat(new CadreChanged(cadre(Cadre.DECEASED, before), Cadre.ACTIVE, before).left()).isTrue();
        assertThat(new CadreChanged(cadre(Cadre.DECEASED, before), null, null).left()).isTrue();
        assertThat(new CadreChanged(cadre(Cadre.DECEASED, before), Cadre.DECEASED, before).left()).isFalse();

        assertThat(new CadreChanged(cadre(Cadre.ACTIVE, new Placement("SQ002", "SQ002-WG03", "DW001")), Cadre.ACTIVE,
                before).moved()).isTrue();
        assertThat(new CadreChanged(cadre(Cadre.ACTIVE, before.copy()), Cadre.ACTIVE, before).moved()).isFalse();
        assertThat(new CadreChanged(cadre(Cadre.ACTIVE, before), null, null).moved()).isFalse();
    }
}
