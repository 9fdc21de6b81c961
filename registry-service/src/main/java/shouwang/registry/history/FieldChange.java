package shouwang.registry.history;

/** How one field changed, as a history line shows it: {@code {"from":..,"to":..}}. */
public record FieldChange(Object from, Object to) {
}
