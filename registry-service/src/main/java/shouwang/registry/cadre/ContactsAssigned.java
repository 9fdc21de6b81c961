package shouwang.registry.cadre;

import com.fasterxml.jackson.annotation.JsonValue;

/** The responsible contacts replaced. */
public record ContactsAssigned(@JsonValue CadreProfile profile) implements ProfileEvent {
}
