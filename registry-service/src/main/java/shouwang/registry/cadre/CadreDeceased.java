package shouwang.registry.cadre;

import com.fasterxml.jackson.annotation.JsonValue;

/** A death reported. */
public record CadreDeceased(@JsonValue CadreProfile profile) implements ProfileEvent {
}
