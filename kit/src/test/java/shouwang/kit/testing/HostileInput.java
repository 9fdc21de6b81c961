package shouwang.kit.testing;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import shouwang.kit.testing.ApiDescription.Operation;

/**
 * Malformed requests for one operation, derived from its OpenAPI description: every path and query parameter gets
 * hostile values, and the JSON body is sent well-formed but for one field at a time (wrong type, bad format, unknown
 * enum, null, nulls in arrays, 1 MB text, NUL, injection strings), then broken as a whole (null, wrong shape,
 * truncated, deep nesting, duplicate keys, invalid UTF-8, unknown fields, wrong or missing Content-Type, oversized).
 * Each case says whether the service must refuse it (a 4xx naming {@link Case#field()}) or only survive it (any
 * answer but a 5xx: a search for {@code ' OR 1=1} may well find nothing).
 */
public final class HostileInput {

    /** Writes the 2000-deep cases too: Jackson's default writer stops at 1000 levels before anything is sent. */
    static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamWriteConstraints(com.fasterxml.jackson.core.StreamWriteConstraints.builder()
                    .maxNestingDepth(10_000).build())
            .build());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MEGABYTE = "长".repeat(350_000);
    private static final int OVERSIZED_BYTES = 11 * 1024 * 1024;

    /** What a case expects. */
    public enum Expect {
        /** A 4xx problem+json that names the field. */
        REFUSE,
        /** Anything but a 5xx; a 4xx must still be problem+json. */
        SURVIVE,
        /** Exactly this status (415, 413). */
        STATUS
    }

    /** One request: the operation's path filled in, a query string, a body and its Content-Type (null: none). */
    public record Case(Operation operation, String label, String path, String query, byte[] body, String contentType,
            Expect expect, String field, int status) {

        public String describe() {
            return operation.key() + " [" + label + "]";
        }
    }

    private static final List<String> TEXT_ATTACKS = List.of(
            "' OR '1'='1", "'; DROP TABLE cadre; --", "\" OR \"\"=\"", "1; SELECT pg_sleep(5)",
            "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "#{7*7}", "{{7*7}}", "../../../etc/passwd",
            "%s%s%s%n", "\u202e\u0645\u0631\u062d\u0628\u0627", "😀👨‍👩‍👧‍👦", "　", "null", "[]", "{}", "\\",
            "\r\nX-Injected: 1", "*", "%", "_");

    private static final List<String> QUERY_ATTACKS = List.of("", " ", "-1", "0", "1.5", "1e400",
            "99999999999999999999", "-99999999999999999999", "NaN", "true", "maybe", "NOPE", "not-a-uuid",
            "00000000-0000-0000-0000-00000000000g", "2024-13-45", "2024-02-30", "+999999999-12-31", "-0001-01-01",
            "0000-00-00", "2024-01-01T25:00:00Z", "yesterday", "P1000000000D", "x".repeat(10_000),
            "%00", "%FF%FE", "%C3%28", "%E0%80%AF", "a%0d%0aSet-Cookie:x=1");

    private static final List<String> PATH_ATTACKS = List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g",
            "-1", "99999999999999999999", "%00", "%FF", "..%2F..%2Fetc", "a".repeat(300), "%F0%9F%98%80",
            "%27%20OR%201%3D1", "00000000-0000-0000-0000-000000000000");

    private final BiFunction<Operation, String, String> pathValues;
    /** One UUID for every identifier of a generated body: pairs such as {@code id}/{@code signalId} must agree. */
    private final String identifier = UUID.randomUUID().toString();

    /** {@code pathValues}: a real, in-scope value for a path parameter, so body cases get past the lookup. */
    public HostileInput(BiFunction<Operation, String, String> pathValues) {
        this.pathValues = pathValues;
    }

    public List<Case> casesFor(Operation op) {
        List<Case> cases = new ArrayList<>();
        Map<String, String> path = new LinkedHashMap<>();
        for (String name : op.pathParameters()) {
            path.put(name, pathValues.apply(op, name));
        }
        String goodPath = op.pathWith(path);
        JsonNode schema = op.jsonBodySchema();
        JsonNode base = op.takesJson() ? valid(op, schema, 0) : null;
        byte[] baseBytes = base == null ? null : bytes(base);
        String baseType = base == null ? null : "application/json";

        for (String name : op.pathParameters()) {
            for (String attack : PATH_ATTACKS) {
                Map<String, String> bad = new LinkedHashMap<>(path);
                bad.put(name, attack);
                cases.add(new Case(op, "path " + name + "=" + abbreviate(attack), op.pathWith(bad), "", baseBytes,
                        baseType, Expect.SURVIVE, name, 0));
            }
        }
        for (String name : op.queryParameters()) {
            for (String attack : QUERY_ATTACKS) {
                String encoded = attack.startsWith("%") || attack.contains("%0d") ? attack : encode(attack);
                cases.add(new Case(op, "query " + name + "=" + abbreviate(attack), goodPath, name + "=" + encoded,
                        baseBytes, baseType, queryExpectation(name, attack), name, 0));
            }
            for (String attack : TEXT_ATTACKS) {
                cases.add(new Case(op, "query " + name + "=" + abbreviate(attack), goodPath,
                        name + "=" + encode(attack), baseBytes, baseType, Expect.SURVIVE, name, 0));
            }
            cases.add(new Case(op, "query " + name + " twice", goodPath, name + "=a&" + name + "=b", baseBytes,
                    baseType, Expect.SURVIVE, name, 0));
        }
        if (base != null) {
            bodyCases(op, goodPath, schema, base, cases);
        } else if (!op.bodyTypes().isEmpty()) {
            // Uploads and plain bodies: only the generic shape attacks apply; the service's own tests feed it files.
            cases.add(new Case(op, "empty upload", goodPath, "", new byte[0], op.bodyTypes().iterator().next(),
                    Expect.SURVIVE, null, 0));
        }
        return cases;
    }

    private static Expect queryExpectation(String name, String attack) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean paging = lower.equals("page") || lower.equals("size");
        if (paging && (attack.equals("-1") || attack.startsWith("9999") || attack.startsWith("-9999")
                || attack.equals("NaN") || attack.equals("1.5") || attack.equals("maybe"))) {
            return Expect.REFUSE;
        }
        boolean id = lower.endsWith("id");
        if (id && (attack.equals("not-a-uuid") || attack.startsWith("00000000-0000-0000-0000-00000000000g"))) {
            return Expect.REFUSE;
        }
        boolean date = lower.equals("asof") || lower.endsWith("since") || lower.equals("from") || lower.equals("to")
                || lower.endsWith("date") || lower.equals("day") || lower.equals("on");
        if (date && (attack.equals("2024-13-45") || attack.equals("+999999999-12-31") || attack.equals("yesterday")
                || attack.equals("0000-00-00"))) {
            return Expect.REFUSE;
        }
        return Expect.SURVIVE;
    }

    private void bodyCases(Operation op, String path, JsonNode schema, JsonNode base, List<Case> cases) {
        String json = "application/json";
        if (base instanceof ObjectNode object) {
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                String name = property.getKey();
                JsonNode propertySchema = op.resolve(property.getValue());
                for (Mutation m : mutations(propertySchema, required.contains(name))) {
                    ObjectNode mutated = object.deepCopy();
                    if (m.value == null) {
                        mutated.remove(name);
                    } else {
                        mutated.set(name, m.value);
                    }
                    cases.add(new Case(op, name + ": " + m.label, path, "", bytes(mutated), json, m.expect, name, 0));
                }
            }
            ObjectNode unknown = object.deepCopy();
            unknown.put("comunityCode", "SQ001");
            cases.add(new Case(op, "unknown field comunityCode", path, "", bytes(unknown), json, Expect.REFUSE,
                    "comunityCode", 0));
            if (object.size() > 0) {
                String first = object.fieldNames().next();
                String duplicate = new String(bytes(object), StandardCharsets.UTF_8);
                duplicate = "{\"" + first + "\":" + object.get(first) + "," + duplicate.substring(1);
                cases.add(new Case(op, "duplicate key " + first, path, "", duplicate.getBytes(StandardCharsets.UTF_8),
                        json, Expect.REFUSE, first, 0));
            }
        }
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("null body", "null");
        shapes.put("array body", "[]");
        shapes.put("string body", "\"text\"");
        shapes.put("number body", "42");
        shapes.put("truncated", truncated(base));
        shapes.put("not JSON", "<xml/>");
        shapes.put("nested 5000 deep", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        shapes.put("objects 2000 deep", "{\"a\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2000) + "}");
        // A body that is a list (registry's PUT /cadres/{id}/contacts) may well be empty: [] is its shape, not a wrong one.
        boolean list = "array".equals(schema.path("type").asText());
        for (Map.Entry<String, String> shape : shapes.entrySet()) {
            Expect expect = list && shape.getKey().equals("array body") ? Expect.SURVIVE : Expect.REFUSE;
            cases.add(new Case(op, shape.getKey(), path, "", shape.getValue().getBytes(StandardCharsets.UTF_8), json,
                    expect, null, 0));
        }
        // an optional body (an action's options) may be left out: then the action runs with none
        cases.add(new Case(op, "empty body", path, "", new byte[0], json,
                op.bodyOptional() ? Expect.SURVIVE : Expect.REFUSE, null, 0));
        cases.add(new Case(op, "invalid UTF-8", path, "", invalidUtf8(base), json, Expect.REFUSE, null, 0));
        byte[] good = bytes(base);
        cases.add(new Case(op, "text/plain", path, "", good, "text/plain", Expect.STATUS, null, 415));
        cases.add(new Case(op, "no Content-Type", path, "", good, null, Expect.STATUS, null, 415));
        cases.add(new Case(op, "JSON in ISO-8859-1", path, "", good, "application/json; charset=ISO-8859-1",
                Expect.STATUS, null, 415));
        cases.add(new Case(op, "11 MB body", path, "", oversized(), json, Expect.STATUS, null, 413));
    }

    private record Mutation(String label, JsonNode value, Expect expect) {
    }

    private List<Mutation> mutations(JsonNode schema, boolean required) {
        List<Mutation> list = new ArrayList<>();
        list.add(new Mutation("null", NODES.nullNode(), required ? Expect.REFUSE : Expect.SURVIVE));
        if (required) {
            list.add(new Mutation("missing", null, Expect.REFUSE));
        }
        String type = schema.path("type").asText("");
        String format = schema.path("format").asText("");
        if (schema.has("enum")) {
            String first = schema.path("enum").path(0).asText();
            list.add(new Mutation("unknown enum", NODES.textNode("NOPE"), Expect.REFUSE));
            list.add(new Mutation("enum by number", NODES.numberNode(0), Expect.REFUSE));
            list.add(new Mutation("enum with spaces", NODES.textNode(" " + first + " "), Expect.REFUSE));
            list.add(new Mutation("enum in lower case", NODES.textNode(first.toLowerCase(Locale.ROOT)),
                    Expect.REFUSE));
            list.add(new Mutation("enum as object", NODES.objectNode().put("name", first), Expect.REFUSE));
            return list;
        }
        switch (type) {
            case "string" -> {
                list.add(new Mutation("object for text", NODES.objectNode().put("a", 1), Expect.REFUSE));
                list.add(new Mutation("array for text", NODES.arrayNode().add("a"), Expect.REFUSE));
                list.add(new Mutation("NUL", NODES.textNode("a\u0000b"), Expect.REFUSE));
                switch (format) {
                    case "uuid" -> {
                        list.add(new Mutation("bad uuid", NODES.textNode("not-a-uuid"), Expect.REFUSE));
                        list.add(new Mutation("bad uuid digit",
                                NODES.textNode("00000000-0000-0000-0000-00000000000g"), Expect.REFUSE));
                        list.add(new Mutation("uuid as number", NODES.numberNode(12345), Expect.REFUSE));
                    }
                    case "date" -> {
                        for (String bad : List.of("2024-13-45", "2024-02-30", "+999999999-12-31", "-0001-01-01",
                                "", "20240101", "yesterday")) {
                            list.add(new Mutation("date " + bad, NODES.textNode(bad), Expect.REFUSE));
                        }
                        list.add(new Mutation("date as number", NODES.numberNode(20240101), Expect.REFUSE));
                    }
                    case "date-time" -> {
                        for (String bad : List.of("", "yesterday", "2024-01-01T25:00:00Z", "-1",
                                "+999999999-12-31T00:00:00Z", "0000-01-01T00:00:00Z")) {
                            list.add(new Mutation("instant " + bad, NODES.textNode(bad), Expect.REFUSE));
                        }
                        list.add(new Mutation("instant as number", NODES.numberNode(-1), Expect.REFUSE));
                    }
                    case "local-time" -> {
                        for (String bad : List.of("25:00", "12:60", "noon", "")) {
                            list.add(new Mutation("time " + bad, NODES.textNode(bad), Expect.REFUSE));
                        }
                    }
                    default -> {
                        boolean bounded = schema.has("maxLength");
                        list.add(new Mutation("1 MB text", NODES.textNode(MEGABYTE),
                                bounded ? Expect.REFUSE : Expect.SURVIVE));
                        for (String attack : TEXT_ATTACKS) {
                            list.add(new Mutation("text " + abbreviate(attack), NODES.textNode(attack),
                                    Expect.SURVIVE));
                        }
                    }
                }
            }
            case "integer", "number" -> {
                list.add(new Mutation("text for number", NODES.textNode("abc"), Expect.REFUSE));
                list.add(new Mutation("object for number", NODES.objectNode(), Expect.REFUSE));
                list.add(new Mutation("huge number", NODES.numberNode(new java.math.BigInteger("99999999999999999999")),
                        Expect.REFUSE));
                if (type.equals("integer")) {
                    list.add(new Mutation("fraction for integer", NODES.numberNode(1.5), Expect.REFUSE));
                }
                list.add(new Mutation("negative", NODES.numberNode(-1),
                        schema.has("minimum") && schema.get("minimum").asDouble() > -1 ? Expect.REFUSE
                                : Expect.SURVIVE));
            }
            case "boolean" -> {
                list.add(new Mutation("text for boolean", NODES.textNode("perhaps"), Expect.REFUSE));
                list.add(new Mutation("number for boolean", NODES.numberNode(2), Expect.REFUSE));
            }
            case "array" -> {
                list.add(new Mutation("text for array", NODES.textNode("x"), Expect.REFUSE));
                list.add(new Mutation("object for array", NODES.objectNode(), Expect.REFUSE));
                list.add(new Mutation("null inside array", NODES.arrayNode().addNull(), Expect.REFUSE));
                list.add(new Mutation("array nested 2000 deep",
                        nested(2000), Expect.REFUSE));
            }
            case "object" -> {
                list.add(new Mutation("text for object", NODES.textNode("x"), Expect.REFUSE));
                list.add(new Mutation("array for object", NODES.arrayNode(), Expect.REFUSE));
            }
            default -> {
                // A schema without a type (free-form): the shape attacks on the whole body cover it.
            }
        }
        return list;
    }

    /** A body the schema accepts, so that breaking one field shows whether that field is checked. */
    JsonNode valid(Operation op, JsonNode schema, int depth) {
        JsonNode resolved = op.resolve(schema);
        if (depth > 6) {
            return NODES.nullNode();
        }
        if (resolved.has("enum")) {
            return resolved.path("enum").path(0).deepCopy();
        }
        String type = resolved.path("type").asText("");
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                resolved.path("properties").fields().forEachRemaining(
                        p -> object.set(p.getKey(), validProperty(op, p.getKey(), p.getValue(), depth)));
                if (resolved.has("additionalProperties") && resolved.path("properties").isEmpty()) {
                    // A map: its keys are usually an enum the schema cannot say; leave it empty.
                    return object;
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                array.add(valid(op, resolved.path("items"), depth + 1));
                return array;
            }
            case "integer":
                return NODES.numberNode(Math.max(1, resolved.path("minimum").asInt(1)));
            case "number":
                return NODES.numberNode(1.0);
            case "boolean":
                return NODES.booleanNode(false);
            case "string":
                return NODES.textNode(validText(resolved, ""));
            default:
                return resolved.isMissingNode() || resolved.isEmpty() ? NODES.textNode("测试") : NODES.objectNode();
        }
    }

    private JsonNode validProperty(Operation op, String name, JsonNode schema, int depth) {
        JsonNode resolved = op.resolve(schema);
        if ("string".equals(resolved.path("type").asText()) && !resolved.has("enum")) {
            return NODES.textNode(validText(resolved, name));
        }
        return valid(op, resolved, depth + 1);
    }

    private String validText(JsonNode schema, String name) {
        String format = schema.path("format").asText("");
        String lower = name.toLowerCase(Locale.ROOT);
        switch (format) {
            case "uuid":
                return identifier;
            case "date":
                return "2025-06-01";
            case "date-time":
                return "2025-06-01T08:00:00Z";
            case "local-time":
                return "18:00:00";
            default:
                break;
        }
        if (lower.contains("phone") || lower.contains("mobile")) {
            return "13800138000";
        }
        if (lower.endsWith("id")) {
            return identifier;
        }
        return "测试";
    }

    private static ArrayNode nested(int depth) {
        ArrayNode root = NODES.arrayNode();
        ArrayNode current = root;
        for (int i = 0; i < depth; i++) {
            ArrayNode next = NODES.arrayNode();
            current.add(next);
            current = next;
        }
        return root;
    }

    private static String truncated(JsonNode base) {
        String text = new String(bytes(base), StandardCharsets.UTF_8);
        return text.length() > 1 ? text.substring(0, text.length() - 1) : "{";
    }

    private static byte[] invalidUtf8(JsonNode base) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] good = bytes(base);
        if (good.length > 1 && good[0] == '{' && good.length > 2) {
            out.write('{');
            out.writeBytes("\"x\":\"".getBytes(StandardCharsets.UTF_8));
            out.writeBytes(new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF });
            out.writeBytes("\",".getBytes(StandardCharsets.UTF_8));
            out.write(good, 1, good.length - 1);
        } else {
            out.writeBytes(new byte[] { '"', (byte) 0xC3, (byte) 0x28, '"' });
        }
        return out.toByteArray();
    }

    private static byte[] oversized() {
        byte[] body = new byte[OVERSIZED_BYTES];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[1] = '}';
        return body;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String value) {
        String flat = value.replace("\r", "\\r").replace("\n", "\\n");
        return flat.length() > 24 ? flat.substring(0, 24) + "…(" + flat.length() + ")" : flat;
    }
}
