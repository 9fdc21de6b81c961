package shouwang.visit.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import shouwang.visit.Channel;
import shouwang.visit.Layer;
import shouwang.visit.Risk;
import shouwang.visit.VisitConfig;
import shouwang.visit.policy.Cadences;
import shouwang.visit.readmodel.ActivePairing;
import shouwang.visit.readmodel.Cadre;

/** The cadence rules, with the configuration the service ships and with others; no Quarkus boot. */
class CadenceRulesTest {

    static final LocalDate ON = LocalDate.of(2026, 11, 22);

    /** The rules over the service's application.properties, with {@code overrides} on top. */
    static CadenceRules rules(Map<String, String> overrides) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withConverter(java.time.Duration.class, 100, new io.quarkus.runtime.configuration.DurationConverter())
                .withMapping(VisitConfig.class)
                .withSources(new PropertiesConfigSource(overrides, "test", 500));
        try {
            builder.withSources(new PropertiesConfigSource(
                    CadenceRulesTest.class.getClassLoader().getResource("application.properties"), 100));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        CadenceRules rules = new CadenceRules();
        rules.config = builder.build().getConfigMapping(VisitConfig.class);
        return rules;
    }

    static final CadenceRules SHIPPED = rules(Map.of());

    /** Version 0 of the visit policy: the cadences of the rules' configuration. */
    static Cadences configured(CadenceRules rules) {
        return Cadences.configured(rules.config.cadence());
    }

    static final Cadences V0 = configured(SHIPPED);

    static Cadre cadre(LocalDate birthDate) {
        Cadre cadre = new Cadre();
        cadre.id = UUID.randomUUID();
        cadre.birthDate = birthDate;
        cadre.livingArrangement = "WITH_FAMILY";
        cadre.selfCare = "FULL";
        return cadre;
    }

    static ActivePairing pairing(String cadence) {
        return new ActivePairing(UUID.randomUUID(), UUID.randomUUID(), "刘芳", "13700000000", cadence, ON);
    }

    @Test
    void riskProfilesSortHighestFirst() {
        List<Risk> shuffled = Arrays.asList(Risk.OTHERS, Risk.KEY_TARGET, Risk.AGED_80);
        shuffled.sort(Comparator.naturalOrder());
        assertThat(shuffled).containsExactly(Risk.KEY_TARGET, Risk.AGED_80, Risk.OTHERS);
    }

    @Test
    void aKeyServiceTargetIsFlaggedOrDerivedFromItsRiskFactors() {
        Cadre flagged = cadre(ON.minusYears(70));
        flagged.keyServiceTarget = true;
        Cadre disabled = cadre(ON.minusYears(70));
        disabled.specialCategories = "PARTY_VETERAN,DISABLED";
        Cadre alone = cadre(ON.minusYears(70));
        alone.livingArrangement = "ALONE";
        Cadre partialSelfCare = cadre(ON.minusYears(70));
        partialSelfCare.selfCare = "PARTIAL";
        Cadre veteran = cadre(ON.minusYears(70));
        veteran.specialCategories = "PARTY_VETERAN";

        assertThat(List.of(flagged, disabled, alone, partialSelfCare)).extracting(c -> SHIPPED.riskOf(c, ON))
                .containsOnly(Risk.KEY_TARGET);
        assertThat(SHIPPED.riskOf(veteran, ON)).isEqualTo(Risk.OTHERS);
    }

    @Test
    void ageSetsTheRiskOnTheAskedDay() {
        Cadre turning90 = cadre(ON.minusYears(90));
        assertThat(SHIPPED.riskOf(turning90, ON.minusDays(1))).isEqualTo(Risk.AGED_80);
        assertThat(SHIPPED.riskOf(turning90, ON)).isEqualTo(Risk.KEY_TARGET);
        Cadre turning80 = cadre(ON.minusYears(80));
        assertThat(SHIPPED.riskOf(turning80, ON.minusDays(1))).isEqualTo(Risk.OTHERS);
        assertThat(SHIPPED.riskOf(turning80, ON)).isEqualTo(Risk.AGED_80);
        assertThat(SHIPPED.riskOf(cadre(null), ON)).isEqualTo(Risk.OTHERS);
    }

    @Test
    void theShippedCadenceSaysWhichLayerIsDueHowOften() {
        assertThat(SHIPPED.required(V0, Risk.KEY_TARGET, List.of())).containsExactlyInAnyOrderEntriesOf(Map.of(
                Layer.GRID, Period.ofDays(7), Layer.COMMUNITY, Period.ofMonths(1), Layer.UNIT, Period.ofMonths(3)));
        assertThat(SHIPPED.required(V0, Risk.AGED_80, List.of())).containsExactlyInAnyOrderEntriesOf(Map.of(
                Layer.GRID, Period.ofDays(14), Layer.COMMUNITY, Period.ofMonths(1), Layer.UNIT, Period.ofMonths(3)));
        assertThat(SHIPPED.required(V0, Risk.OTHERS, List.of())).containsExactlyInAnyOrderEntriesOf(Map.of(
                Layer.COMMUNITY, Period.ofMonths(1), Layer.UNIT, Period.ofMonths(6)));
    }

    @Test
    void aLayerIsRequiredExactlyWhenTheConfigurationGivesItACadence() {
        CadenceRules local = rules(Map.of("shouwang.visit.cadence.others.grid", "P30D",
                "shouwang.visit.cadence.key-target.grid", "P3D"));
        assertThat(local.required(configured(local), Risk.OTHERS, List.of()))
                .containsEntry(Layer.GRID, Period.ofDays(30))
                .containsEntry(Layer.COMMUNITY, Period.ofMonths(1));
        assertThat(local.required(configured(local), Risk.KEY_TARGET, List.of()))
                .containsEntry(Layer.GRID, Period.ofDays(3));
    }

    @Test
    void theNeighbourLayerIsRequiredOnlyWhileAPairingIsActiveAtItsShortestCadence() {
        assertThat(SHIPPED.required(V0, Risk.OTHERS, List.of())).doesNotContainKey(Layer.NEIGHBOUR);
        assertThat(SHIPPED.required(V0, Risk.OTHERS, List.of(pairing("P14D"), pairing("P7D"))))
                .containsEntry(Layer.NEIGHBOUR, Period.ofDays(7));
        assertThat(SHIPPED.required(V0, Risk.KEY_TARGET, List.of(pairing("P1M"), pairing("P28D"))))
                .containsEntry(Layer.NEIGHBOUR, Period.ofDays(28));
    }

    @Test
    void everyChannelCountsUnlessALayerIsConfiguredOtherwise() {
        assertThat(SHIPPED.countingChannels(Layer.GRID)).containsExactlyInAnyOrder(Channel.values());
        CadenceRules inPersonGrid = rules(Map.of("shouwang.visit.cadence.channels.grid", "IN_PERSON"));
        assertThat(inPersonGrid.countingChannels(Layer.GRID)).containsExactly(Channel.IN_PERSON);
        assertThat(inPersonGrid.countingChannels(Layer.NEIGHBOUR)).containsExactlyInAnyOrder(Channel.values());
    }
}
