package shouwang.visit.policy;

import java.time.Period;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import shouwang.visit.Layer;
import shouwang.visit.Risk;
import shouwang.visit.VisitConfig;

/**
 * How often each layer must contact a cadre of each risk profile; a layer without a period is not required for that
 * profile. NEIGHBOUR is not here: it follows each pairing's own cadence (docs/visit-service.md).
 */
public record Cadences(Map<Risk, Map<Layer, Period>> byRisk) {

    /** The layers a policy gives a cadence; the escalated ones (STREET, BUREAU) have none. */
    public static final List<Layer> LAYERS = List.of(Layer.UNIT, Layer.COMMUNITY, Layer.GRID);

    public Cadences {
        Map<Risk, Map<Layer, Period>> copy = new EnumMap<>(Risk.class);
        for (Risk risk : Risk.values()) {
            Map<Layer, Period> layers = new EnumMap<>(Layer.class);
            layers.putAll(byRisk.getOrDefault(risk, Map.of()));
            copy.put(risk, Collections.unmodifiableMap(layers));
        }
        byRisk = Collections.unmodifiableMap(copy);
    }

    /** Version 0, the shipped city default: {@code shouwang.visit.cadence.*}. */
    public static Cadences configured(VisitConfig.Cadence config) {
        Map<Risk, Map<Layer, Period>> byRisk = new EnumMap<>(Risk.class);
        byRisk.put(Risk.KEY_TARGET, layers(config.keyTarget()));
        byRisk.put(Risk.AGED_80, layers(config.aged80()));
        byRisk.put(Risk.OTHERS, layers(config.others()));
        return new Cadences(byRisk);
    }

    private static Map<Layer, Period> layers(VisitConfig.Cadence.Layers config) {
        Map<Layer, Period> layers = new EnumMap<>(Layer.class);
        config.unit().ifPresent(p -> layers.put(Layer.UNIT, p));
        config.community().ifPresent(p -> layers.put(Layer.COMMUNITY, p));
        config.grid().ifPresent(p -> layers.put(Layer.GRID, p));
        return layers;
    }

    /** The required layers of a risk profile and their periods. */
    public Map<Layer, Period> of(Risk risk) {
        return byRisk.get(risk);
    }
}
