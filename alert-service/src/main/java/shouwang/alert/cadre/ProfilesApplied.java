package shouwang.alert.cadre;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Fired synchronously, inside the transaction that applied newer profiles (a consumer batch, or the one profile of a
 * {@link ProfileLookup}), once for all of them: the capabilities holding work for these cadres (open alerts, signals
 * waiting for a profile, moves of house) look their rows up with one query per batch instead of one per cadre. The
 * cadres' locks are held while observers run. One {@link CadreChanged} per cadre, distinct cadres.
 */
public record ProfilesApplied(List<CadreChanged> changes) {

    public List<UUID> cadreIds() {
        return changes.stream().map(change -> change.profile().id).toList();
    }

    public Map<UUID, CadreChanged> byCadre() {
        return changes.stream().collect(Collectors.toMap(change -> change.profile().id, Function.identity()));
    }
}
