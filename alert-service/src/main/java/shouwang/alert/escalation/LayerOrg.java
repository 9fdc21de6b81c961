package shouwang.alert.escalation;

/** A layer asked to visit at the current level, and its org ({@code MustVisitRequired.layers}). */
public record LayerOrg(String layer, String orgCode) {
}
