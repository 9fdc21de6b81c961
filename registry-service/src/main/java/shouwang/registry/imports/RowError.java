package shouwang.registry.imports;

/**
 * What is wrong with a row of an import, the one shape of every import error (a value, a rule, the scope, a row the
 * database refused, a missing column): its number as a spreadsheet shows it (the header is row 1), the field and
 * the reason. Stored as an {@code import_error} row and answered as {@code {"row","field","message"}}.
 */
public record RowError(int row, String field, String message) {
}
