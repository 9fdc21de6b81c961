package shouwang.visit.coverage;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import shouwang.visit.Channel;
import shouwang.visit.Layer;
import shouwang.visit.Risk;
import shouwang.visit.VisitConfig;
import shouwang.visit.policy.Cadences;
import shouwang.visit.readmodel.ActivePairing;
import shouwang.visit.readmodel.Cadre;

/**
 * Which layers must contact a cadre how often (the cadences of a visit policy) and which channels count (from
 * {@code shouwang.visit.cadence.channels}).
 */
@ApplicationScoped
public class CadenceRules {

    @Inject
    VisitConfig config;

    public Risk riskOf(Cadre cadre, LocalDate on) {
        if (cadre.isKeyServiceTargetOn(on)) {
            return Risk.KEY_TARGET;
        }
        return cadre.ageOn(on) >= 80 ? Risk.AGED_80 : Risk.OTHERS;
    }

    /**
     * Required interval per layer under the cadences of the cadre's policy (its district's, else the city default);
     * NEIGHBOUR only while a pairing is active, at its (shortest) cadence.
     */
    public Map<Layer, Period> required(Cadences cadences, Risk risk, List<ActivePairing> pairings) {
        Map<Layer, Period> required = new EnumMap<>(Layer.class);
        required.putAll(cadences.of(risk));
        shortest(pairings).ifPresent(p -> required.put(Layer.NEIGHBOUR, p));
        return required;
    }

    /** Channels that count stay city-wide configuration ({@code shouwang.visit.cadence.channels.*}). */
    public Set<Channel> countingChannels(Layer layer) {
        VisitConfig.Cadence.Channels channels = config.cadence().channels();
        return switch (layer) {
            case UNIT -> channels.unit();
            case COMMUNITY -> channels.community();
            case GRID -> channels.grid();
            case NEIGHBOUR -> channels.neighbour();
            // escalated layers have no cadence; any contact of theirs is a contact
            case STREET, BUREAU -> java.util.EnumSet.allOf(Channel.class);
        };
    }

    private static Optional<Period> shortest(List<ActivePairing> pairings) {
        Period best = null;
        LocalDate probe = LocalDate.of(2000, 1, 1);
        for (ActivePairing pairing : pairings) {
            Period period = Period.parse(pairing.cadence());
            if (best == null || probe.plus(period).isBefore(probe.plus(best))) {
                best = period;
            }
        }
        return Optional.ofNullable(best);
    }
}
