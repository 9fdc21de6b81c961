package shouwang.e2e.deploy;

import java.util.List;
import java.util.Map;

/** One rendered object as helm wrote it, with plain access to nested fields for the invariants. */
record Manifest(Map<String, Object> body) {

    String kind() {
        return (String) body.get("kind");
    }

    String apiVersion() {
        return (String) body.get("apiVersion");
    }

    String name() {
        return (String) map("metadata").get("name");
    }

    Map<String, Object> map(String... path) {
        return Manifest.map(body, path);
    }

    Object at(String... path) {
        Object value = body;
        for (String key : path) {
            if (!(value instanceof Map<?, ?> m)) {
                return null;
            }
            value = m.get(key);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> from, String... path) {
        Object value = from;
        for (String key : path) {
            value = value instanceof Map<?, ?> m ? m.get(key) : null;
        }
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @Override
    public String toString() {
        return kind() + " " + name();
    }
}
