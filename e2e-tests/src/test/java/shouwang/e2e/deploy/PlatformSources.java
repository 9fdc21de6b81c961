package shouwang.e2e.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the chart must agree with, read from the project itself rather than restated here: the services' settings
 * (application.properties and the kit's defaults), the event contract (docs/events.md, docs/asyncapi), the services'
 * OpenAPI documents written at build time, and the local Keycloak realm.
 */
final class PlatformSources {

    static final Path ROOT = RenderedChart.ROOT;
    static final List<String> SERVICES = List.of("registry-service", "visit-service", "alert-service", "volunteer-service");

    private PlatformSources() {
    }

    /** A service's own settings: application.properties over the kit's microprofile-config.properties. */
    static Properties settings(String service) {
        Properties merged = load(ROOT.resolve("kit/src/main/resources/META-INF/microprofile-config.properties"));
        merged.putAll(load(ROOT.resolve(service + "/src/main/resources/application.properties")));
        return merged;
    }

    /** Names of settings that still point at this machine (localhost): production must set each as an env var. */
    static Set<String> localOnlySettings(String service) {
        Set<String> names = new LinkedHashSet<>();
        settings(service).forEach((k, v) -> {
            String key = (String) k;
            if (!key.startsWith("%") && ((String) v).matches(".*(localhost|127\\.0\\.0\\.1).*")) {
                names.add(key);
            }
        });
        return names;
    }

    /** Credentials with a local demo value (the kit's datasource user and password): production takes them from Secrets. */
    static Set<String> demoCredentials(String service) {
        Set<String> names = new LinkedHashSet<>();
        settings(service).forEach((k, v) -> {
            String key = (String) k;
            if (!key.startsWith("%") && key.matches(".*(password|username|secret)$")) {
                names.add(key);
            }
        });
        return names;
    }

    /** The env var name a setting is read from (MicroProfile Config's mapping: upper case, other characters to _). */
    static String envName(String setting) {
        return setting.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    static String database(String service) {
        String url = settings(service).getProperty("quarkus.datasource.jdbc.url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** Topics the service consumes (its incoming channels). */
    static Set<String> consumedTopics(String service) {
        return channelValues(service, "mp\\.messaging\\.incoming\\.[^.]+\\.topic");
    }

    /** Dead-letter topics the service's consumers write to. */
    static Set<String> deadLetterTopics(String service) {
        return channelValues(service, "mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic");
    }

    private static Set<String> channelValues(String service, String keyPattern) {
        Set<String> topics = new LinkedHashSet<>();
        settings(service).forEach((k, v) -> {
            if (((String) k).matches(keyPattern)) {
                topics.add((String) v);
            }
        });
        return topics;
    }

    /** Topics of docs/events.md: its `## \`topic\`` sections. */
    static Set<String> contractTopics() {
        return firstGroups("docs/events.md", "(?m)^## `([a-z0-9.-]+)`");
    }

    /** Channel addresses of the AsyncAPI document (the partner contract), DLQs included. */
    static Set<String> asyncApiAddresses() {
        return firstGroups("docs/asyncapi/asyncapi.yaml", "(?m)^    address: ([a-z0-9.-]+)\\s*$");
    }

    private static Set<String> firstGroups(String file, String regex) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = Pattern.compile(regex).matcher(read(ROOT.resolve(file)));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The producing services of each topic, from docs/events.md's headings ("— producer: registry-service"). */
    static Set<String> producedTopics(String service) {
        Set<String> topics = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^## `([a-z0-9.-]+)`.*producers?: (.*)$").matcher(read(ROOT.resolve("docs/events.md")));
        while (m.find()) {
            if (m.group(2).contains(service)) {
                topics.add(m.group(1));
            }
        }
        return topics;
    }

    /** Every path of the service's OpenAPI document (target/openapi, written by its build). */
    static List<String> apiPaths(String service) {
        Path doc = ROOT.resolve(service + "/target/openapi/openapi.json");
        if (!Files.exists(doc)) {
            throw new AssertionError(doc + " is missing: build the services first (the reactor's `mvn verify` does)");
        }
        try {
            JsonNode paths = new ObjectMapper().readTree(doc.toFile()).path("paths");
            List<String> list = new ArrayList<>();
            paths.fieldNames().forEachRemaining(list::add);
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode localRealm() {
        try {
            return new ObjectMapper().readTree(ROOT.resolve("deploy/local/keycloak/shouwang-realm.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<String> services() {
        return SERVICES.stream();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
