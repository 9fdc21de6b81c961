package shouwang.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The image tarballs Jib writes with `mvn -B verify -DskipTests -Dimages` (root pom, profile images), read as a
 * registry would: the OCI index, the manifest, the config and every layer. Runs where the tarballs exist (the
 * images build needs the base image of deploy/kubernetes/images/base-image.sh, root and Debian's mirror); the
 * plain test command builds no image, and then this test is skipped with the reason.
 */
class ImageTarballTest {

    static List<String> services() {
        return PlatformSources.SERVICES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void theImageRunsTheFastJarAsANonRootUserWithContainerJvmSettingsAndItsOwnLayers(String service) throws Exception {
        Path tarball = PlatformSources.ROOT.resolve(service + "/target/images/" + service + ".tar");
        assumeTrue(Files.exists(tarball), tarball + " not built (mvn -B verify -DskipTests -Dimages)");
        Path dir = Files.createTempDirectory("image");
        run(dir, "tar", "-xf", tarball.toString());
        ObjectMapper json = new ObjectMapper();
        JsonNode index = json.readTree(dir.resolve("index.json").toFile());
        assertThat(index.path("manifests").get(0).path("annotations").path("org.opencontainers.image.ref.name").asText())
                .endsWith("/shouwang/" + service + ":1.0.0-SNAPSHOT");
        JsonNode manifest = json.readTree(blob(dir, index.path("manifests").get(0).path("digest").asText()).toFile());
        JsonNode config = json.readTree(blob(dir, manifest.path("config").path("digest").asText()).toFile()).path("config");

        assertThat(config.path("User").asText()).isEqualTo("185");
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/deployments");
        assertThat(json.convertValue(config.path("Entrypoint"), List.class)).containsExactly("java", "-jar", "/deployments/quarkus-run.jar");
        assertThat(config.path("Env").toString()).contains("JDK_JAVA_OPTIONS=", "-XX:MaxRAMPercentage=75.0",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(config.path("Labels").path("org.opencontainers.image.title").asText()).isEqualTo(service);
        assertThat(config.path("Labels").path("org.opencontainers.image.version").asText()).isEqualTo("1.0.0-SNAPSHOT");

        List<List<String>> layers = new ArrayList<>();
        for (JsonNode layer : manifest.path("layers")) {
            layers.add(List.of(run(dir, "tar", "-tvzf", blob(dir, layer.path("digest").asText()).toString()).split("\n")));
        }
        assertThat(layers).as("base, then Jib's: extra files, dependencies, generated, application").hasSize(5);
        assertThat(String.join("\n", layers.get(0))).contains("./usr/lib/jvm/java-17-openjdk-amd64/bin/java",
                "./etc/ssl/certs/java/cacerts");
        assertThat(names(layers.get(2))).as("dependencies layer").anyMatch(n -> n.startsWith("deployments/lib/main/"))
                .allMatch(n -> n.startsWith("deployments/lib") || n.equals("deployments"));
        assertThat(names(layers.get(3))).as("generated layer").contains("deployments/quarkus/quarkus-application.dat");
        assertThat(names(layers.get(4))).as("application layer").anyMatch(n -> n.matches("deployments/app/" + service + "-.+\\.jar"));
        List<String> all = layers.subList(1, 5).stream().flatMap(l -> names(l).stream()).toList();
        assertThat(all).contains("deployments/quarkus-run.jar").noneMatch(n -> n.startsWith("app/"));
        // The application is root's and read-only for the service's user 185: it cannot rewrite its own code.
        layers.subList(1, 5).forEach(l -> l.forEach(line ->
                assertThat(line).as("owner and mode").matches("^[d-]r[w-][x-]r-[x-]r-[x-] 0/0 .*")));
    }

    private static List<String> names(List<String> verboseListing) {
        return verboseListing.stream().map(line -> line.substring(line.lastIndexOf(' ') + 1).replaceFirst("/$", "")).toList();
    }

    private static Path blob(Path dir, String digest) {
        return dir.resolve("blobs/sha256/" + digest.substring("sha256:".length()));
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("tar", ".out");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        return text;
    }
}
