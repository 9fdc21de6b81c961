package shouwang.registry.imports;

/** A rejected row: its number as a spreadsheet shows it (the header is row 1), the field and the reason. */
public record RowError(int row, String field, String message) {
}
