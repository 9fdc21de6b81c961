package shouwang.bench;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The four packaged services as child processes of the benchmark JVM, with production JVM settings (the C2 compiler
 * on: no {@code -XX:TieredStopAtLevel=1}). Only the processes started here are ever stopped, by their own handles.
 */
final class Services implements AutoCloseable {

    enum Service {
        REGISTRY("registry-service", "registry", null), VISIT("visit-service", "visit", "cadre"),
        ALERT("alert-service", "alert", "cadre_profile"), VOLUNTEER("volunteer-service", "volunteer", "cadre_ref");

        final String module;
        final String database;
        /** The table of its cadre-profiles read model (one row per cadre), null for the producer. */
        final String readModel;

        Service(String module, String database, String readModel) {
            this.module = module;
            this.database = database;
            this.readModel = readModel;
        }
    }

    private final Path repo;
    private final Path logs;
    private final Path work;
    private final String postgres;
    private final String kafka;
    private final String issuer;
    private final List<String> jvmOptions;
    private final Map<Service, Integer> ports;
    private final Map<Service, Process> processes = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String idNumberKey;
    private final Set<Service> profiled;

    /** @param profiled services run under JFR's profile settings, a recording each left in the logs folder on exit */
    Services(Path repo, Path target, String postgres, String kafka, String issuer, List<String> jvmOptions,
            Map<Service, Integer> ports, Set<Service> profiled) {
        this.repo = repo;
        this.logs = target.resolve("logs");
        this.work = target.resolve("run");
        this.postgres = postgres;
        this.kafka = kafka;
        this.issuer = issuer;
        this.jvmOptions = jvmOptions;
        this.ports = ports;
        this.profiled = profiled;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        idNumberKey = Base64.getEncoder().encodeToString(key);
    }

    String api(Service service) {
        return "http://127.0.0.1:" + ports.get(service) + "/api/v1";
    }

    String base(Service service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    long pid(Service service) {
        return processes.get(service).pid();
    }

    /** Starts one service and waits for its readiness; returns the milliseconds from spawn to ready. */
    long startAndAwaitReady(Service service, Duration timeout) throws IOException, InterruptedException {
        long started = System.nanoTime();
        spawn(service, List.of(), service.module);
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!processes.get(service).isAlive()) {
                throw new IllegalStateException(service.module + " exited during start-up; log: "
                        + logs.resolve(service.module + ".log"));
            }
            if (ready(service)) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(service.module + " not ready after " + timeout);
    }

    /**
     * Starts the service as a new replica of its read models and returns at once: an empty {@code database} and, for
     * each incoming channel, a consumer group of its own that reads its topic from the beginning (the group ids of the
     * module's application.properties with {@code -rebuild} appended). Its log: {@code <module>-rebuild.log}.
     */
    void startReplica(Service service, String database) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(repo.resolve(service.module)
                .resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        List<String> overrides = new ArrayList<>();
        overrides.add("-Dquarkus.datasource.jdbc.url=jdbc:postgresql://" + postgres + "/" + database);
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".group.id")) {
                overrides.add("-D" + name + "=" + properties.getProperty(name) + "-rebuild");
            }
        }
        spawn(service, overrides, service.module + "-rebuild");
    }

    boolean alive(Service service) {
        Process process = processes.get(service);
        return process != null && process.isAlive();
    }

    /** Ends the service started here (the others keep running). */
    void stop(Service service) {
        Process process = processes.remove(service);
        if (process != null) {
            process.destroy();
            end(process);
        }
    }

    /** {@code overrides} come after the common system properties, so they win (the JVM keeps a property's last value). */
    private void spawn(Service service, List<String> overrides, String logName) throws IOException {
        Files.createDirectories(logs);
        Files.createDirectories(work);
        Path jar = repo.resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + " (run.sh packages the services)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (profiled.contains(service)) {
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + logs.resolve(logName + ".jfr"));
        }
        command.add("-Dshouwang.bench.run=" + work);
        command.addAll(List.of(
                "-Dquarkus.http.port=" + ports.get(service),
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://" + postgres + "/" + service.database,
                "-Dquarkus.datasource.username=shouwang",
                "-Dquarkus.datasource.password=shouwang",
                "-Dkafka.bootstrap.servers=" + kafka,
                "-Dquarkus.oidc.auth-server-url=" + issuer,
                // the benchmark is one caller sending thousands of expensive reads: the per-caller limit would
                // answer 429 to a load the limit is not about (it is proven by the kit's RateLimitTest)
                "-Dshouwang.rate-limit.expensive=100000000",
                "-Dshouwang.rate-limit.intake=100000000",
                // no collector runs here
                "-Dquarkus.otel.sdk.disabled=true"));
        command.addAll(overrides);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logs.resolve(logName + ".log").toFile()));
        if (service == Service.REGISTRY) {
            builder.environment().put("SHOUWANG_REGISTRY_ID_NUMBER_KEY", idNumberKey);
        }
        Process process = builder.start();
        processes.put(service, process);
        // run.sh ends these by pid should this JVM die without running its shutdown hook
        Files.writeString(logs.resolve(logName + ".pid"), process.pid() + "\n");
    }

    boolean ready(Service service) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Resident set size of the service's JVM in MB, from /proc/<pid>/status VmRSS. */
    double rssMegabytes(Service service) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid(service)), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for " + service.module);
    }

    @Override
    public void close() {
        for (Process process : processes.values()) {
            process.destroy();
        }
        processes.values().forEach(Services::end);
        processes.clear();
    }

    /** Waits for a process asked to end, and kills it after 20 s. */
    private static void end(Process process) {
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
