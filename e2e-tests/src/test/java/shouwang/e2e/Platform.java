package shouwang.e2e;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import shouwang.kit.testing.KafkaBrokerResource;
import shouwang.kit.testing.PostgresResource;

/**
 * The whole platform for end-to-end tests: a real Kafka broker and PostgreSQL (in this JVM / embedded), an OIDC
 * provider, and the four services started from their packaged {@code quarkus-run.jar} as separate processes.
 * Tests talk to the services over REST and Kafka only. Started once per test JVM.
 */
public final class Platform {

    public enum Service {
        REGISTRY("registry-service", "registry"),
        VISIT("visit-service", "visit"),
        ALERT("alert-service", "alert"),
        VOLUNTEER("volunteer-service", "volunteer");

        final String module;
        final String database;

        Service(String module, String database) {
            this.module = module;
            this.database = database;
        }
    }

    /** The district's zone, given to every service: "today" in a test is the services' today. */
    public static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");

    private static Platform instance;
    private static String oidcUrl;
    private static String idNumberKey;

    private final Path repositoryRoot;
    private final Path logDirectory;
    private final String kafkaBootstrapServers;
    private final Map<Service, Map<String, String>> kafkaEnvironment;
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final Map<Service, String> databaseUrls = new EnumMap<>(Service.class);
    private final Map<Service, String> directDatabaseUrls = new EnumMap<>(Service.class);
    private final Map<Service, Process> processes = new EnumMap<>(Service.class);
    private final PgProxy database;
    private final TraceCollector traces;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Platform() throws IOException {
        this("", KafkaBrokerResource.bootstrapServers(), null);
    }

    /**
     * A platform whose services write their logs to {@code e2e-logs/<name>} and use their own databases
     * ({@code e2e_<name>_...}); with {@code kafkaEnvironment} they get no Kafka property at all, only these
     * environment variables (as the chart sets them), else {@code -Dkafka.bootstrap.servers}.
     */
    private Platform(String name, String kafkaBootstrapServers, Map<Service, Map<String, String>> kafkaEnvironment)
            throws IOException {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.kafkaEnvironment = kafkaEnvironment;
        repositoryRoot = findRepositoryRoot();
        logDirectory = repositoryRoot.resolve("e2e-tests/target/e2e-logs").resolve(name);
        Files.createDirectories(logDirectory);
        // one run's logs only: the personal-data audit greps what this run's processes wrote
        try (var old = Files.newDirectoryStream(logDirectory, "*.log")) {
            for (Path log : old) {
                Files.delete(log);
            }
        }
        startIdentityProvider();
        // The services reach PostgreSQL through a proxy in this JVM, so a test can cut them off from it.
        URI server = URI.create(PostgresResource.server().url().substring("jdbc:".length()));
        database = new PgProxy(server.getHost(), server.getPort());
        for (Service service : Service.values()) {
            ports.put(service, freePort());
            String direct = PostgresResource.newDatabaseUrl("e2e_" + (name.isEmpty() ? "" : name + "_")
                    + service.database);
            directDatabaseUrls.put(service, direct);
            databaseUrls.put(service, direct.replaceFirst("//[^/]+/", "//127.0.0.1:" + database.port() + "/"));
        }
        traces = new TraceCollector();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll));
    }

    /** One OIDC provider and one ID-number key for every platform of this JVM (a token is valid at all). */
    private static synchronized void startIdentityProvider() {
        if (oidcUrl != null) {
            return;
        }
        Map<String, String> oidc = new OidcWiremockTestResource().start();
        oidcUrl = oidc.get("keycloak.url") + "/realms/quarkus/";
        System.setProperty("smallrye.jwt.sign.key.location", "privateKey.jwk");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        idNumberKey = Base64.getEncoder().encodeToString(key);
    }

    /**
     * A second, separate platform with every service ready: its own processes, ports, databases and logs
     * ({@code e2e-logs/<name>/}), the same OIDC provider and PostgreSQL server, and a Kafka reached with only the
     * given environment variables per service (no {@code -D} Kafka property). The caller stops it
     * ({@link #stopAll()}); the default platform of {@link #get()} is not touched.
     */
    public static Platform separate(String name, String kafkaBootstrapServers,
            Map<Service, Map<String, String>> kafkaEnvironment) {
        if (name.isBlank() || kafkaEnvironment == null) {
            throw new IllegalArgumentException("a separate platform needs a name and its Kafka environment");
        }
        try {
            Platform platform = new Platform(name, kafkaBootstrapServers, kafkaEnvironment);
            // one after the other, as get() does: on a loaded machine four starts at once each take minutes
            try {
                for (Service service : Service.values()) {
                    platform.start(service);
                }
            } catch (RuntimeException | IOException e) {
                platform.close();
                throw e;
            }
            return platform;
        } catch (IOException e) {
            throw new IllegalStateException("The platform " + name + " did not start", e);
        }
    }

    /** The running platform, with every service ready. */
    public static synchronized Platform get() {
        try {
            if (instance == null) {
                instance = new Platform();
            }
            for (Service service : Service.values()) {
                if (!instance.isRunning(service)) {
                    instance.start(service);
                }
            }
            return instance;
        } catch (IOException e) {
            throw new IllegalStateException("The platform did not start", e);
        }
    }

    public String url(Service service) {
        return "http://localhost:" + ports.get(service);
    }

    public String api(Service service) {
        return url(service) + "/api/v1";
    }

    /** The OTLP receiver every service exports its spans to, as to a cluster's collector. */
    TraceCollector traces() {
        return traces;
    }

    /** The services' way to PostgreSQL, which a chaos test may cut. */
    PgProxy database() {
        return database;
    }

    /** Where every service process writes its output (appended across restarts). */
    public Path logDirectory() {
        return logDirectory;
    }

    /** The JDBC address of a service's database, straight to PostgreSQL (not through the proxy the service uses). */
    public String databaseUrl(Service service) {
        return directDatabaseUrls.get(service);
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public boolean isRunning(Service service) {
        Process process = processes.get(service);
        return process != null && process.isAlive();
    }

    /** Today in the district, as the services count days (not the test machine's zone, not UTC). */
    public static LocalDate today() {
        return LocalDate.now(DISTRICT_ZONE);
    }

    /** Starts the service from its packaged jar and waits until it reports ready. */
    public synchronized void start(Service service) throws IOException {
        Path jar = repositoryRoot.resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn verify builds them)");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + ports.get(service),
                "-Dquarkus.datasource.jdbc.url=" + databaseUrls.get(service),
                "-Dquarkus.datasource.username=" + PostgresResource.user(),
                "-Dquarkus.datasource.password=" + PostgresResource.password(),
                "-Dquarkus.oidc.auth-server-url=" + oidcUrl,
                "-Dshouwang.registry.id-number-key=" + idNumberKey,
                "-Dshouwang.district.zone=" + DISTRICT_ZONE.getId(),
                // tracing as the chart turns it on, exporting to this run's receiver
                "-Dquarkus.otel.sdk.disabled=false",
                "-Dquarkus.otel.exporter.otlp.traces.endpoint=" + traces.endpoint(),
                "-Dquarkus.otel.exporter.otlp.traces.protocol=http/protobuf",
                "-Dquarkus.otel.bsp.schedule.delay=500ms"));
        if (kafkaEnvironment == null) {
            command.add("-Dkafka.bootstrap.servers=" + kafkaBootstrapServers);
        }
        command.addAll(extraArguments(service));
        command.add("-jar");
        command.add(jar.toString());
        File log = logDirectory.resolve(service.module + ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        // logs as production writes them (the chart sets it): one JSON object per line
        builder.environment().put("SHOUWANG_LOG_JSON", "true");
        if (kafkaEnvironment != null) {
            // nothing Kafka-related inherited from the test's own environment, only what this platform sets
            builder.environment().keySet().removeIf(variable -> variable.startsWith("KAFKA_"));
            builder.environment().putAll(kafkaEnvironment.getOrDefault(service, Map.of()));
        }
        Process process = builder.start();
        processes.put(service, process);
        awaitReady(service, log);
    }

    /** Ends the service the hard way (SIGKILL): no shutdown hooks, nothing flushed. */
    public synchronized void kill(Service service) throws InterruptedException {
        Process process = processes.remove(service);
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    public synchronized void stopAll() {
        for (Process process : processes.values()) {
            process.destroy();
        }
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }

    /** Stops a {@link #separate} platform for good: its service processes, its database proxy, its trace receiver. */
    public synchronized void close() {
        if (this == instance) {
            throw new IllegalStateException("the shared platform stays up for the JVM's other tests");
        }
        stopAll();
        database.cut();
        traces.stop();
    }

    /** Per-service settings that make end-to-end timing practical (e.g. fast scans); none change behaviour. */
    private static List<String> extraArguments(Service service) {
        String extra = System.getProperty("e2e." + service.database + ".args", "");
        return extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+"));
    }

    private void awaitReady(Service service, File log) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!processes.get(service).isAlive()) {
                throw new IllegalStateException(service.module + " exited during start; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(service.module + " was not ready within 120 s; see " + log);
    }

    private static Path findRepositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("registry-service/pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
