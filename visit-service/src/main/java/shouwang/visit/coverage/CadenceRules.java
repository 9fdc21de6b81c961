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
import shouwang.visit.VisitConfig;
import shouwang.visit.readmodel.ActivePairing;
import shouwang.visit.readmodel.Cadre;

/** Which layers must contact a cadre how often, and which channels count, from {@code shouwang.visit.cadence}. */
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

    /** Required interval per layer; NEIGHBOUR only while a pairing is active, at its (shortest) cadence. */
    public Map<Layer, Period> required(Risk risk, List<ActivePairing> pairings) {
        VisitConfig.Cadence.Layers layers = switch (risk) {
            case KEY_TARGET -> config.cadence().keyTarget();
            case AGED_80 -> config.cadence().aged80();
            case OTHERS -> config.cadence().others();
        };
        Map<Layer, Period> required = new EnumMap<>(Layer.class);
        layers.unit().ifPresent(p -> required.put(Layer.UNIT, p));
        layers.community().ifPresent(p -> required.put(Layer.COMMUNITY, p));
        layers.grid().ifPresent(p -> required.put(Layer.GRID, p));
        shortest(pairings).ifPresent(p -> required.put(Layer.NEIGHBOUR, p));
        return required;
    }

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
