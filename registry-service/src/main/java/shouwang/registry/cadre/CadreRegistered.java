package shouwang.registry.cadre;

import com.fasterxml.jackson.annotation.JsonValue;

/** A cadre registered, by POST /cadres or by an import row with a new ID card number. */
public record CadreRegistered(@JsonValue CadreProfile profile) implements ProfileEvent {
}
