package shouwang.registry.cadre;

import com.fasterxml.jackson.annotation.JsonValue;

/** A profile corrected (PUT, re-import) or a move inside the district. */
public record CadreUpdated(@JsonValue CadreProfile profile) implements ProfileEvent {
}
