package shouwang.registry.imports;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header row of an import file, read the same way for every import: a column is known by its English field
 * name (any case) or one of its Chinese headers; a BOM, {@code *} (Excel's "required" mark) and spaces around it
 * are ignored; the first column of a field wins; unknown columns are ignored.
 */
final class Headers {

    private final Map<String, Integer> index;

    private Headers(Map<String, Integer> index) {
        this.index = index;
    }

    /** The header names (field names in lower case and every alias) of an import, to its fields. */
    static final class Names {
        private final Map<String, String> fields = new HashMap<>();

        Names field(String field, String... aliases) {
            fields.put(field.toLowerCase(Locale.ROOT), field);
            for (String alias : aliases) {
                fields.put(alias, field);
            }
            return this;
        }

        String fieldOf(String header) {
            return fields.getOrDefault(header, fields.get(header.toLowerCase(Locale.ROOT)));
        }
    }

    /**
     * The header row mapped to fields; null when a required column is missing, with an error of the header row per
     * missing column in {@code errors}.
     */
    static Headers of(Spreadsheet.Line header, Names names, List<String> required, List<RowError> errors) {
        List<String> cells = header.cells();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String raw = cells.get(i) == null ? "" : cells.get(i).replace("\uFEFF", "").replace("*", "").strip();
            String field = names.fieldOf(raw);
            if (field != null && !index.containsKey(field)) {
                index.put(field, i);
            }
        }
        int before = errors.size();
        for (String field : required) {
            if (!index.containsKey(field)) {
                errors.add(new RowError(header.number(), field, "missing column " + field));
            }
        }
        return errors.size() == before ? new Headers(index) : null;
    }

    boolean present(String field) {
        return index.containsKey(field);
    }

    /** The trimmed cell of {@code field}; null when the column is absent or the cell blank. */
    String value(List<String> cells, String field) {
        Integer at = index.get(field);
        if (at == null || at >= cells.size() || cells.get(at) == null) {
            return null;
        }
        String value = cells.get(at).strip();
        return value.isEmpty() ? null : value;
    }
}
