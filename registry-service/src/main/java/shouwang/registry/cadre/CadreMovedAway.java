package shouwang.registry.cadre;

import com.fasterxml.jackson.annotation.JsonValue;

/** A move out of the district. */
public record CadreMovedAway(@JsonValue CadreProfile profile) implements ProfileEvent {
}
