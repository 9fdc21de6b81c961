package shouwang.registry.cadre;

/** A relative to call: {@code livesElsewhere} marks children living in another city (子女在外地). */
public record FamilyContact(String name, String relation, String phone, Boolean livesElsewhere) {
}
