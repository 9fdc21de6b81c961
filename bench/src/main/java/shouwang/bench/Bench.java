package shouwang.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;

import shouwang.bench.Services.Service;

/**
 * The benchmark: each scenario of issue 13 (and the catch-up of issue 17) next to its limit twin on the same broker
 * and database, in one run, one {@code BENCH ...} line each. Started by {@code bench/run.sh}, which brings up
 * PostgreSQL and Kafka on loopback and passes their addresses; this JVM runs the OIDC issuer and the services.
 */
public final class Bench {

    private static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");
    /** Signals sent one at a time after the warm-up import, before anything is measured. */
    private static final int WARM_UP_SIGNALS = 3;
    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };
    private static final String UNIT = "B-DW1";
    /** What {@code --scenarios} may name; start-up, idle memory, the org and the import always run. */
    private static final List<String> SCENARIOS = List.of("statistics", "visits", "coverage", "signals", "rebuild");

    private final Map<String, String> flags;
    private final int scale;
    private final Path target;
    private final Twins twins;
    private final List<String> lines = new ArrayList<>();
    private Services services;
    private Load admin;
    private final List<String> communities = new ArrayList<>();
    private List<String> cadreIds = List.of();
    /** Cadres given a signal already (warm-up, catch-up): left out of the later scenarios. */
    private final Set<String> signalled = new HashSet<>();
    private int nextCadre;

    private Bench(Map<String, String> flags) {
        this.flags = flags;
        this.scale = flags.containsKey("quick") ? 10 : 1;
        this.target = Path.of(flag("target", "bench/target")).toAbsolutePath();
        this.twins = new Twins(flag("postgres", "127.0.0.1:15432"), flag("kafka", "127.0.0.1:19092"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("flags are --name=value: " + arg);
            }
            int eq = arg.indexOf('=');
            flags.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
        }
        new Bench(flags).run();
    }

    private String flag(String name, String fallback) {
        return flags.getOrDefault(name, fallback);
    }

    /** A size flag: its value as given, else the default divided by 10 under {@code --quick}. */
    private int size(String name, int fallback) {
        return flags.containsKey(name) ? Integer.parseInt(flags.get(name)) : Math.max(1, fallback / scale);
    }

    private Duration seconds(String name, int fallback, int quick) {
        return Duration.ofSeconds(flags.containsKey(name) ? Integer.parseInt(flags.get(name)) : scale > 1 ? quick : fallback);
    }

    /** The scenarios after the import that {@code --scenarios=a,b} (or {@code none}) keeps; all without the flag. */
    private boolean chosen(String scenario) {
        if (!flags.containsKey("scenarios")) {
            return true;
        }
        List<String> named = List.of(flags.get("scenarios").split(","));
        for (String name : named) {
            if (!SCENARIOS.contains(name) && !name.equals("none")) {
                throw new IllegalArgumentException("--scenarios: unknown " + name + ", known: " + SCENARIOS + " or none");
            }
        }
        return named.contains(scenario);
    }

    /** {@code --profile=registry,visit}: those services under JFR (bench/target/logs/<module>.jfr). */
    private Set<Service> profiled() {
        Set<Service> profiled = EnumSet.noneOf(Service.class);
        for (String name : flag("profile", "").split(",")) {
            if (name.isBlank()) {
                continue;
            }
            profiled.add(java.util.Arrays.stream(Service.values()).filter(s -> s.database.equals(name.trim()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("--profile: unknown service " + name
                            + ", known: registry, visit, alert, volunteer")));
        }
        return profiled;
    }

    private void run() throws Exception {
        chosen("none");
        int cadres = size("cadres", 100_000);
        int clients = Integer.parseInt(flag("clients", "8"));
        info("sizes: cadres=%d clients=%d%s (%d cores)", cadres, clients, scale > 1 ? " (--quick)" : "",
                Runtime.getRuntime().availableProcessors());
        String[] ports = flag("ports", "18081,18082,18083,18084").split(",");
        Map<Service, Integer> servicePorts = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            servicePorts.put(service, Integer.parseInt(ports[service.ordinal()].trim()));
        }
        List<String> jvm = List.of(flag("jvm-opts", "-Xmx256m -XX:+ExitOnOutOfMemoryError").trim().split("\\s+"));
        try (Issuer issuer = new Issuer(Integer.parseInt(flag("issuer-port", "18180")));
                Admin kafkaAdmin = twins.admin()) {
            services = new Services(Path.of(flag("repo", ".")).toAbsolutePath(), target, flag("postgres", "127.0.0.1:15432"),
                    flag("kafka", "127.0.0.1:19092"), issuer.url(), jvm, servicePorts, profiled());
            Runtime.getRuntime().addShutdownHook(new Thread(services::close));
            try {
                admin = new Load(issuer.token("bench-admin", "district-admin"));
                startAlone();
                idleMemory();
                orgs(cadres);
                importAndCatchUp(kafkaAdmin, cadres);
                if (chosen("statistics")) {
                    statistics();
                }
                if (chosen("visits")) {
                    visitsThroughput(clients);
                }
                if (chosen("coverage")) {
                    coverage();
                }
                if (chosen("signals")) {
                    signalLatency();
                    signalThroughput(clients);
                }
                if (chosen("rebuild")) {
                    rebuild(kafkaAdmin);
                }
            } finally {
                services.close();
            }
        }
        info("summary (%s):", scale > 1 ? "--quick" : "full sizes");
        lines.forEach(System.out::println);
    }

    // ------------------------------------------------------------------------------------------ scenarios

    /** Each service started alone (the others already up and idle), spawn → readiness UP. */
    private void startAlone() throws Exception {
        for (Service service : Service.values()) {
            long millis = services.startAndAwaitReady(service, Duration.ofSeconds(180));
            bench("ready-" + service.database, String.format(Locale.ROOT, "%.1fs", millis / 1000.0), "n/a", "n/a",
                    "≤2s", millis <= 2000);
        }
    }

    private void idleMemory() throws Exception {
        Thread.sleep(Long.parseLong(flag("idle-seconds", "10")) * 1000);
        for (Service service : Service.values()) {
            double mb = services.rssMegabytes(service);
            bench("idle-rss-" + service.database, String.format(Locale.ROOT, "%.0fMB", mb), "n/a", "n/a", "≤200MB",
                    mb <= 200);
        }
    }

    /** One unit, communities of ~20,000 cadres (one at --quick... a tenth), ten grids each. */
    private void orgs(int cadres) throws Exception {
        int count = Math.max(1, cadres / size("community-size", 20_000));
        String api = services.api(Service.REGISTRY);
        admin.post(api + "/org/units", Map.of("code", UNIT, "name", "压测单位")).expect(201, 200, 409);
        for (int c = 1; c <= count; c++) {
            String community = "B-SQ" + c;
            admin.post(api + "/org/communities", Map.of("code", community, "name", "压测社区" + c, "streetName", "压测街道"))
                    .expect(201, 200, 409);
            for (int g = 1; g <= 10; g++) {
                admin.post(api + "/org/grids", Map.of("code", community + "-WG" + g, "name", "第" + g + "网格",
                        "communityCode", community)).expect(201, 200, 409);
            }
            communities.add(community);
        }
        info("org records: 1 unit, %d communities, %d grids", count, count * 10);
    }

    private void importAndCatchUp(Admin kafkaAdmin, int cadres) throws Exception {
        CpuTime cpu = cpuTime();
        warmUp(kafkaAdmin, cadres, cpu);
        Path csv = target.resolve("cadres-" + cadres + ".csv");
        writeCsv(csv, 0, cadres);
        byte[] body = Files.readAllBytes(csv);
        info("import: %,d rows, %.1f MB CSV", cadres, body.length / 1e6);
        boolean statements = twins.statementsTracked();
        if (statements) {
            twins.resetStatements();
        }
        Map<String, Long> cpuAtStart = cpu.snapshot();
        long start = System.nanoTime();
        com.fasterxml.jackson.databind.JsonNode status = importFile(body, start);
        long done = System.nanoTime();
        // issue 17: signals for the last cadres imported, posted at DONE while every consumer still lags behind them
        List<Future<Long>> duringCatchUp = signalsDuringCatchUp(kafkaAdmin, Integer.parseInt(flag("catch-up-signals", "5")));
        double importSeconds = (done - start) / 1e9;
        info("CPU during the import: %s", cpu.since(cpuAtStart, importSeconds));
        Map<String, Long> cpuAtDone = cpu.snapshot();
        if (!"DONE".equals(status.path("status").asText()) || status.path("accepted").asInt() != cadres) {
            info("import did not accept every row: %s", status.toString().substring(0, Math.min(600, status.toString().length())));
        }
        double copySeconds = twins.copy(csv);
        bench("import-" + (cadres >= 1000 ? cadres / 1000 + "k" : String.valueOf(cadres)),
                String.format(Locale.ROOT, "%.1fs", importSeconds), String.format(Locale.ROOT, "%.2fs", copySeconds),
                ratio(importSeconds / copySeconds), "≤3x", importSeconds <= 3 * copySeconds);

        // catch-up: from DONE until the registry's events are all on Kafka, then until each consumer group's lag is 0
        Duration catchUpTimeout = seconds("catchup-timeout", 1200, 300);
        Map<String, Double> caughtUp = new LinkedHashMap<>();
        Double published = null;
        List<String> groups = List.of("visit-service", "alert-service", "volunteer-service");
        while (caughtUp.size() < groups.size() && System.nanoTime() - done < catchUpTimeout.toNanos()) {
            long written = twins.endOffsets(kafkaAdmin, "cadre-profiles");
            double since = (System.nanoTime() - done) / 1e9;
            if (published == null && written >= cadres) {
                published = since;
            }
            if (published != null) {
                for (String group : groups) {
                    if (!caughtUp.containsKey(group) && twins.lag(kafkaAdmin, group, "cadre-profiles") == 0) {
                        caughtUp.put(group, since);
                    }
                }
            }
            Thread.sleep(200);
        }
        info("CPU from DONE until every group caught up: %s", cpu.since(cpuAtDone, (System.nanoTime() - done) / 1e9));
        if (statements) {
            info("PostgreSQL from the import's start until every group caught up (pg_stat_statements):");
            twins.topStatements(Integer.parseInt(flag("statements", "25"))).forEach(line -> info("  %s", line));
        } else {
            info("PostgreSQL: pg_stat_statements is not available, no per-statement figures");
        }
        long records = twins.endOffsets(kafkaAdmin, "cadre-profiles");
        double bare = twins.readAll("cadre-profiles", records, Duration.ofMinutes(5));
        bench("import-events-published", published == null ? "timeout" : String.format(Locale.ROOT, "%.1fs", published),
                "n/a", "n/a", "≤2s", published != null && published <= 2);
        for (String group : groups) {
            Double seconds = caughtUp.get(group);
            String name = "catch-up-" + group.replace("-service", "");
            bench(name, seconds == null ? "timeout" : String.format(Locale.ROOT, "%.1fs", seconds),
                    String.format(Locale.ROOT, "%.2fs", bare), seconds == null ? "n/a" : ratio(seconds / bare), "≤10s",
                    seconds != null && seconds <= 10);
        }
        reportSignalsDuringCatchUp(duringCatchUp);
        try (Connection connection = twins.connect("registry"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select id from cadre where unit_code = '" + UNIT + "' order by id")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                if (!signalled.contains(rows.getString(1))) { // they have an alert already
                    ids.add(rows.getString(1));
                }
            }
            java.util.Collections.shuffle(ids, new java.util.Random(13));
            cadreIds = ids;
        }
    }

    /**
     * {@code --warm-up=N} (default: a twentieth of the cadres, 0 for none): an import of N other cadres before the
     * measured one, until every group has applied it, so the measured import meets JIT-compiled services, as it
     * would on a platform that has run a while. On a freshly started JVM the C2 compiler takes a third of each
     * service's CPU during its first import (JFR, docs/performance.md); the warm-up's own figure is the cold one.
     */
    private void warmUp(Admin kafkaAdmin, int cadres, CpuTime cpu) throws Exception {
        int rows = size("warm-up", cadres / 20 * scale);
        if (rows == 0) {
            return;
        }
        Path csv = target.resolve("cadres-warm-up-" + rows + ".csv");
        writeCsv(csv, cadres, rows);
        Map<String, Long> before = cpu.snapshot();
        long start = System.nanoTime();
        com.fasterxml.jackson.databind.JsonNode status = importFile(Files.readAllBytes(csv), start);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> groups = List.of("visit-service", "alert-service", "volunteer-service");
        long end = System.nanoTime() + seconds("catchup-timeout", 1200, 300).toNanos();
        while (System.nanoTime() < end && !caughtUp(kafkaAdmin, groups, rows)) {
            Thread.sleep(200);
        }
        info("warm-up import (cold services): %,d rows %s in %.1f s (%.0f rows/s), all applied %.1f s after its start; CPU: %s",
                rows, status.path("status").asText(), seconds, rows / seconds, (System.nanoTime() - start) / 1e9,
                cpu.since(before, (System.nanoTime() - start) / 1e9));
        // the signal chain too: the first signal after start meets every hop cold (the relays' first sends to
        // care-signals and alerts, the consumers' first records, Hibernate's first queries of alerts and tasks)
        List<String> warmUpCadres = newestCadres(WARM_UP_SIGNALS);
        signalled.addAll(warmUpCadres);
        List<String> cold = new ArrayList<>();
        for (String cadre : warmUpCadres) {
            long nanos = untilBothTasks(cadre);
            cold.add(nanos < 0 ? "timeout" : ms(nanos / 1e6));
        }
        info("warm-up signals (one at a time, cold chain first), POST /signals -> both tasks readable: %s",
                String.join(", ", cold));
    }

    /** The {@code count} cadres the benchmark unit's last import wrote last. */
    private List<String> newestCadres(int count) throws Exception {
        List<String> newest = new ArrayList<>();
        try (Connection connection = twins.connect("registry"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select id from cadre where unit_code = '" + UNIT
                        + "' order by created_at desc, id limit " + count)) {
            while (rows.next()) {
                newest.add(rows.getString(1));
            }
        }
        return newest;
    }

    private boolean caughtUp(Admin kafkaAdmin, List<String> groups, long records) throws Exception {
        if (twins.endOffsets(kafkaAdmin, "cadre-profiles") < records) {
            return false;
        }
        for (String group : groups) {
            if (twins.lag(kafkaAdmin, group, "cadre-profiles") > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Issue 17's "catch-up of 1,000,000 profiles (a new replica or a rebuilt read model) within 2 minutes", run last
     * (it replaces the consumers): visit-, alert- and volunteer-service are stopped, {@code cadre-profiles} is filled
     * up to {@code --rebuild-profiles} cadres with copies of the import's events ({@link ProfileCopies}), then each
     * of the three in turn is started as a new replica (an empty database, new consumer groups reading from the
     * beginning), one at a time on an otherwise idle platform. Ours: from the replica's spawn until its read model
     * holds every cadre on the topic (the last copy of each partition applied, then every row counted); limit: a bare
     * KafkaConsumer reading the same topic.
     */
    private void rebuild(Admin kafkaAdmin) throws Exception {
        int cadres = size("rebuild-profiles", 1_000_000);
        List<Service> consumers = List.of(Service.VISIT, Service.ALERT, Service.VOLUNTEER);
        consumers.forEach(services::stop); // each replica then has the machine to itself
        ProfileCopies.Filled filled = ProfileCopies.fill(flag("kafka", "127.0.0.1:19092"), cadres);
        long records = twins.endOffsets(kafkaAdmin, "cadre-profiles");
        info("rebuild: %,d copies written in %.1f s; the topic holds %,d records of %,d cadres", filled.copies(),
                filled.seconds(), records, filled.cadres());
        double bare = twins.readAll("cadre-profiles", records, Duration.ofMinutes(10));
        Duration timeout = seconds("rebuild-timeout", 1200, 300);
        String label = filled.cadres() >= 1000 ? filled.cadres() / 1000 + "k" : String.valueOf(filled.cadres());
        for (Service service : consumers) {
            if (twins.statementsTracked()) {
                twins.resetStatements();
            }
            String database = service.database + "_rebuild";
            long start = System.nanoTime();
            services.startReplica(service, database);
            CpuTime cpu = cpuTime();
            Map<String, Long> cpuAtStart = cpu.snapshot();
            Double ready = null;
            while (System.nanoTime() - start < timeout.toNanos() && services.alive(service)) {
                if (ready == null && services.ready(service)) {
                    ready = (System.nanoTime() - start) / 1e9;
                }
                if (lastCopiesApplied(database, service.readModel, filled.lastKeys())
                        && readModelRows(database, service.readModel) >= filled.cadres()) {
                    break;
                }
                Thread.sleep(200);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long held = readModelRows(database, service.readModel);
            boolean complete = held >= filled.cadres();
            info("rebuild-%s: %s; ready after %s; %,d of %,d cadres held after %.1f s (%.0f profiles/s); CPU: %s",
                    service.database, services.alive(service) ? "running" : "EXITED (log: " + service.module
                            + "-rebuild.log)", ready == null ? "never" : String.format(Locale.ROOT, "%.1f s", ready),
                    held, filled.cadres(), seconds, held / seconds, cpu.since(cpuAtStart, seconds));
            if (twins.statementsTracked()) {
                twins.topStatements(Integer.parseInt(flag("statements", "25")) / 2).forEach(line -> info("  %s", line));
            }
            bench("rebuild-" + label + "-" + service.database, complete ? String.format(Locale.ROOT, "%.1fs", seconds)
                    : "timeout", String.format(Locale.ROOT, "%.2fs", bare), complete ? ratio(seconds / bare) : "n/a",
                    "≤120s", complete && seconds <= 120);
            services.stop(service);
        }
    }

    /** Whether the read model holds the last copy written to each partition (a primary-key probe each). */
    private boolean lastCopiesApplied(String database, String table, Map<Integer, String> lastKeys) throws Exception {
        try (Connection connection = twins.connect(database); java.sql.PreparedStatement statement = connection
                .prepareStatement("select count(*) from " + table + " where id = cast(? as uuid)")) {
            for (String key : lastKeys.values()) {
                statement.setString(1, key);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next() || rows.getLong(1) == 0) {
                        return false;
                    }
                }
            }
            return true;
        } catch (java.sql.SQLException e) {
            return false; // the replica's migrations have not created the table yet
        }
    }

    private long readModelRows(String database, String table) throws Exception {
        try (Connection connection = twins.connect(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            return 0;
        }
    }

    /** Uploads one CSV to {@code POST /imports/cadres} and polls the job until it is no longer RUNNING. */
    private com.fasterxml.jackson.databind.JsonNode importFile(byte[] body, long start) throws Exception {
        String api = services.api(Service.REGISTRY);
        String job = admin.post(api + "/imports/cadres", "text/csv; charset=UTF-8", body).expect(202).json()
                .get("id").asText();
        Duration timeout = seconds("import-timeout", 1800, 600);
        while (true) {
            com.fasterxml.jackson.databind.JsonNode status = admin.get(api + "/imports/" + job).expect(200).json();
            if (!"RUNNING".equals(status.path("status").asText()) || System.nanoTime() - start > timeout.toNanos()) {
                return status;
            }
            Thread.sleep(100);
        }
    }

    /**
     * A closed-loop load window of {@code clients} for {@code duration}, after a warm-up window of the same load
     * ({@code --warm-up-window} seconds, default 30, quick 20; its rate is logged, not measured): the first seconds of
     * a path meet interpreted code and the JIT compilers at work (a third of the service's CPU in a 10 s window
     * right after start), while a platform's morning peak meets services that have run a while. Then says where the
     * window's time went: each process's CPU and each service's threads, and the statements PostgreSQL ran
     * (pg_stat_statements), so a change in work or round trips per request shows. {@code maxCalls} is asked before
     * each window (signals use up cadres).
     */
    private Load.Throughput profiledWindow(String scenario, int clients, Duration duration,
            java.util.function.IntSupplier maxCalls, Load.Call call) throws Exception {
        Duration warmUp = seconds("warm-up-window", 30, 20);
        if (!warmUp.isZero()) {
            Load.Throughput cold = Load.closedLoop(clients, warmUp, maxCalls.getAsInt(), call);
            info("%s warm-up: %,d calls in %.1f s (%.0f/s), %d failed", scenario, cold.ok(), cold.seconds(),
                    cold.perSecond(), cold.failed());
        }
        boolean statements = twins.statementsTracked();
        if (statements) {
            twins.resetStatements();
        }
        CpuTime cpu = cpuTime();
        Map<Service, Map<String, Long>> threads = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            if (services.alive(service)) {
                threads.put(service, CpuTime.threads(services.pid(service)));
            }
        }
        Map<String, Long> before = cpu.snapshot();
        long start = System.nanoTime();
        Load.Throughput result = Load.closedLoop(clients, duration, maxCalls.getAsInt(), call);
        info("%s: %,d successful calls; CPU: %s", scenario, result.ok(), cpu.since(before, (System.nanoTime() - start) / 1e9));
        threads.forEach((service, at) -> info("  %s's threads: %s", service.database,
                CpuTime.threadsSince(at, services.pid(service), 8)));
        if (statements) {
            twins.topStatements(Integer.parseInt(flag("statements", "25"))).forEach(line -> info("  %s", line));
        }
        return result;
    }

    /** The services' JVMs, PostgreSQL and Kafka ({@code --pids=postgres:N,kafka:M} from run.sh) and this client. */
    private CpuTime cpuTime() {
        Map<String, Long> roots = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            if (services.alive(service)) {
                roots.put(service.database, services.pid(service));
            }
        }
        for (String named : flag("pids", "").split(",")) {
            if (named.contains(":")) {
                roots.put(named.substring(0, named.indexOf(':')), Long.parseLong(named.substring(named.indexOf(':') + 1)));
            }
        }
        roots.put("bench", ProcessHandle.current().pid());
        return new CpuTime(roots);
    }

    /**
     * Issue 17's "during that catch-up, a signal for a just-imported cadre has both tasks within 2 s": right after
     * the import's DONE, one thread per signal posts {@code POST /signals} for one of the last {@code count} cadres
     * the import wrote (the last in every consumer's backlog) and polls {@code GET /tasks?cadreId=} every 10 ms until
     * both must-visit tasks are readable (at most 60 s). Each future is that time in nanoseconds, or -1.
     */
    private List<Future<Long>> signalsDuringCatchUp(Admin kafkaAdmin, int count) throws Exception {
        List<String> newest = newestCadres(count);
        signalled.addAll(newest);
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, newest.size()));
        List<Future<Long>> timings = new ArrayList<>();
        for (String cadre : newest) {
            timings.add(threads.submit(() -> untilBothTasks(cadre)));
        }
        threads.shutdown();
        info("signal-during-catch-up: %d signals posted at DONE; lag then: visit %d, alert %d, volunteer %d",
                newest.size(), twins.lag(kafkaAdmin, "visit-service", "cadre-profiles"),
                twins.lag(kafkaAdmin, "alert-service", "cadre-profiles"),
                twins.lag(kafkaAdmin, "volunteer-service", "cadre-profiles"));
        return timings;
    }

    /**
     * {@code POST /signals} (HOSPITALISATION) for the cadre, then {@code GET /tasks?cadreId=} every 10 ms until both
     * must-visit tasks are readable: the nanoseconds that took, or -1 after 60 s.
     */
    private long untilBothTasks(String cadre) throws Exception {
        String tasks = services.api(Service.VISIT) + "/tasks?cadreId=" + cadre;
        long start = System.nanoTime();
        admin.post(services.api(Service.ALERT) + "/signals", signal(cadre)).expect(202);
        while (admin.get(tasks).expect(200).json().path("total").asInt() < 2) {
            if (System.nanoTime() - start > 60_000_000_000L) {
                return -1L;
            }
            Thread.sleep(10);
        }
        return System.nanoTime() - start;
    }

    /** p50 and slowest of {@link #signalsDuringCatchUp}, next to bare produce→consume round trips on the broker. */
    private void reportSignalsDuringCatchUp(List<Future<Long>> timings) throws Exception {
        if (timings.isEmpty()) {
            return;
        }
        List<Long> ours = new ArrayList<>();
        int missed = 0;
        for (Future<Long> timing : timings) {
            long nanos = timing.get(90, TimeUnit.SECONDS);
            if (nanos < 0) {
                missed++;
            } else {
                ours.add(nanos);
            }
        }
        List<Long> bare = twins.roundTrips("bench-latency-catch-up", 20);
        double bareP50 = Load.percentileMillis(bare, 50);
        if (ours.isEmpty()) {
            bench("signal-during-catch-up", "timeout", ms(bareP50), "n/a", "≤2s", false);
            return;
        }
        double p50 = Load.percentileMillis(ours, 50);
        double max = Load.percentileMillis(ours, 100);
        if (missed > 0) {
            info("signal-during-catch-up: %d of %d signals had no two tasks within 60 s", missed, timings.size());
        }
        bench("signal-during-catch-up", ms(p50) + "/" + (missed > 0 ? "timeout" : ms(max)), ms(bareP50),
                ratio(p50 / bareP50) + "/" + (missed > 0 ? "n/a" : ratio(max / bareP50)), "≤2s",
                missed == 0 && max <= 2000);
    }

    private void statistics() throws Exception {
        int count = size("requests", 200) ;
        String asOf = LocalDate.now(DISTRICT).toString();
        String url = services.api(Service.REGISTRY) + "/statistics/cadres?asOf=" + asOf;
        List<Long> ours = Load.samples(5, count, n -> admin.get(url).status() == 200);
        LocalDate d = LocalDate.now(DISTRICT);
        String sql = "select retirement_type, gender, party_member, cadre_rank, community_code, "
                + "case when birth_date <= ? then '90+' when birth_date <= ? then '80-89' "
                + "when birth_date <= ? then '70-79' when birth_date <= ? then '60-69' else '<60' end as band, "
                + "count(*) from cadre where birth_date <= ? "
                + "and (deceased_on is null or deceased_on > ?) and (moved_away_on is null or moved_away_on > ?) "
                + "group by 1, 2, 3, 4, 5, 6";
        List<Object> parameters = List.of(java.sql.Date.valueOf(d.minusYears(90)), java.sql.Date.valueOf(d.minusYears(80)),
                java.sql.Date.valueOf(d.minusYears(70)), java.sql.Date.valueOf(d.minusYears(60)), java.sql.Date.valueOf(d),
                java.sql.Date.valueOf(d), java.sql.Date.valueOf(d));
        List<Long> raw = twins.query("registry", sql, parameters, 5, count);
        double p50 = Load.percentileMillis(ours, 50);
        double rawP50 = Load.percentileMillis(raw, 50);
        bench("statistics", ms(p50), ms(rawP50), ratio(p50 / rawP50), "≤0.125x", p50 * 8 <= rawP50);
    }

    private void visitsThroughput(int clients) throws Exception {
        Duration duration = seconds("duration", 30, 10);
        String url = services.api(Service.VISIT) + "/visits";
        List<String> ids = cadreIds;
        Load.Call call = n -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("cadreId", ids.get(n % ids.size()));
            body.put("visitedAt", OffsetDateTime.now().minusMinutes(1).toString());
            body.put("channel", "IN_PERSON");
            body.put("layer", "COMMUNITY");
            body.put("visitorName", "压测");
            body.put("contacted", true);
            body.put("notes", "benchmark");
            Load.Answer answer = admin.post(url, body);
            if (answer.status() != 201) {
                throw new IllegalStateException("POST /visits " + answer.status() + ": " + answer.body());
            }
            return true;
        };
        call.run(0); // one checked call before the clock starts
        Load.Throughput ours = profiledWindow("visits-throughput", clients, duration, () -> Integer.MAX_VALUE, call);
        failures("visits-throughput", ours);
        double limit = twins.transactions(clients, duration, 2);
        bench("visits-throughput", rate(ours.perSecond()), String.format(Locale.ROOT, "%.0ftps", limit),
                percent(ours.perSecond() / limit), "≥50%", ours.perSecond() >= 0.5 * limit);
        // the issue's own limit: pgbench with the same transaction, when the PostgreSQL in use has it
        String pgbench = flag("pgbench", "");
        if (!pgbench.isEmpty() && Files.isExecutable(Path.of(pgbench))) {
            Double tps = twins.pgbench(pgbench, target.resolve("run"), clients, duration);
            if (tps != null) {
                bench("visits-throughput-pgbench", rate(ours.perSecond()), String.format(Locale.ROOT, "%.0ftps", tps),
                        percent(ours.perSecond() / tps), "≥50%", ours.perSecond() >= 0.5 * tps);
            }
        }
    }

    private void coverage() throws Exception {
        int count = size("requests", 200);
        String community = communities.get(0);
        String url = services.api(Service.VISIT) + "/coverage?communityCode=" + community + "&page=0&size=50";
        List<Long> ours = Load.samples(5, count, n -> admin.get(url).status() == 200);
        String sql = "select c.id, c.community_code, c.grid_code, c.birth_date, l.layer, l.last_contact_at from cadre c "
                + "left join last_contact l on l.cadre_id = c.id where c.community_code = ? and c.status = 'ACTIVE'";
        List<Long> raw = twins.query("visit", sql, List.of(community), 5, count);
        double p50 = Load.percentileMillis(ours, 50);
        double p99 = Load.percentileMillis(ours, 99);
        double rawP50 = Load.percentileMillis(raw, 50);
        double rawP99 = Load.percentileMillis(raw, 99);
        bench("coverage", ms(p50) + "/" + ms(p99), ms(rawP50) + "/" + ms(rawP99),
                ratio(p50 / rawP50) + "/" + ratio(p99 / rawP99), "p99≤1000ms", p99 <= 1000);
    }

    private void signalLatency() throws Exception {
        int count = size("signals", 1000);
        String signals = services.api(Service.ALERT) + "/signals";
        String tasks = services.api(Service.VISIT) + "/tasks?cadreId=";
        List<Long> ours = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String cadre = cadre();
            long start = System.nanoTime();
            admin.post(signals, signal(cadre)).expect(202);
            while (admin.get(tasks + cadre).expect(200).json().path("total").asInt() < 2) {
                if (System.nanoTime() - start > 30_000_000_000L) {
                    throw new IllegalStateException("tasks for " + cadre + " not readable within 30 s");
                }
                Thread.sleep(1);
            }
            ours.add(System.nanoTime() - start);
        }
        List<Long> bare = twins.roundTrips("bench-latency", count);
        double p50 = Load.percentileMillis(ours, 50);
        double p99 = Load.percentileMillis(ours, 99);
        double bareP50 = Load.percentileMillis(bare, 50);
        double bareP99 = Load.percentileMillis(bare, 99);
        bench("signal-latency", ms(p50) + "/" + ms(p99), ms(bareP50) + "/" + ms(bareP99),
                ratio(p50 / bareP50) + "/" + ratio(p99 / bareP99), "p50≤10x,p99≤5x",
                p50 <= 10 * bareP50 && p99 <= 5 * bareP99);
    }

    private void signalThroughput(int clients) throws Exception {
        Duration duration = seconds("duration", 30, 10);
        String url = services.api(Service.ALERT) + "/signals";
        Load.Throughput ours = profiledWindow("signal-throughput", clients, duration,
                this::cadresLeft, n -> {
                    Load.Answer answer = admin.post(url, signal(cadre()));
                    if (answer.status() != 202) {
                        throw new IllegalStateException("POST /signals " + answer.status() + ": " + answer.body());
                    }
                    return true;
                });
        failures("signal-throughput", ours);
        double limit = twins.transactions(clients, duration, 3);
        bench("signal-throughput", rate(ours.perSecond()) + (cadresLeft() == 0 ? "(all-cadres-used)" : ""),
                String.format(Locale.ROOT, "%.0ftps", limit), percent(ours.perSecond() / limit), "≥50%",
                ours.perSecond() >= 0.5 * limit);
    }

    // ------------------------------------------------------------------------------------------- helpers

    private synchronized int cadresLeft() {
        return cadreIds.size() - nextCadre;
    }

    /** Each signal is for a cadre no signal has named yet, so it raises an alert and two tasks, never joins. */
    private synchronized String cadre() {
        if (nextCadre >= cadreIds.size()) {
            throw new IllegalStateException("every imported cadre has had a signal: raise --cadres");
        }
        return cadreIds.get(nextCadre++);
    }

    private static Map<String, Object> signal(String cadre) {
        return Map.of("signalId", UUID.randomUUID().toString(), "cadreId", cadre, "kind", "HOSPITALISATION",
                "occurredAt", OffsetDateTime.now().minusSeconds(30).toString(), "details", "benchmark");
    }

    /** Cadres of the benchmark unit, spread over the communities and their grids; unique valid ID numbers. */
    /** Rows {@code from} to {@code from + cadres - 1}: every row's ID number is unique across calls. */
    private void writeCsv(Path csv, int from, int cadres) throws IOException {
        Files.createDirectories(csv.getParent());
        try (var out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("name,gender,birthDate,idNumber,retirementType,rank,partyMember,unitCode,communityCode,gridCode,"
                    + "livingArrangement,selfCare,specialCategories,phone\n");
            LocalDate first = LocalDate.of(1930, 1, 1);
            String[] ranks = { "OTHER", "SECTION_CHIEF" };
            for (int i = from; i < from + cadres; i++) {
                LocalDate birth = first.plusDays(i % 12_000);
                int sequence = i / 12_000;
                boolean male = i % 2 == 0;
                String community = communities.get(i % communities.size());
                String grid = community + "-WG" + (1 + (i / communities.size()) % 10);
                out.write("压测" + i + "," + (male ? "MALE" : "FEMALE") + "," + birth + "," + idNumber(birth, sequence, male)
                        + ",TUIXIU," + ranks[i % 2] + "," + (i % 3 == 0) + "," + UNIT + "," + community + "," + grid
                        + "," + (i % 5 == 0 ? "ALONE" : "WITH_FAMILY") + ",FULL,,13800000000\n");
            }
        }
    }

    /** A GB 11643 ID number: area 110101, the birth date, a sequence with the sex digit, the checksum. */
    private static String idNumber(LocalDate birth, int sequence, boolean male) {
        String body = "110101" + birth.toString().replace("-", "") + String.format("%03d", sequence * 2 + (male ? 1 : 0));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK[sum % 11];
    }

    private void failures(String scenario, Load.Throughput result) {
        if (result.failed() > 0) {
            info("%s: %d calls failed (first: %s)", scenario, result.failed(), result.firstFailure());
        }
        info("%s: %d calls in %.1f s", scenario, result.ok(), result.seconds());
    }

    private void bench(String name, String ours, String limit, String ratio, String goal, boolean met) {
        String line = String.format("BENCH name=%s ours=%s limit=%s ratio=%s goal=%s met=%s", name, ours, limit, ratio,
                goal, met ? "yes" : "no");
        lines.add(line);
        System.out.println(line);
        System.out.flush();
    }

    private static void info(String format, Object... args) {
        System.out.println("==> " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.1fms" : "%.0fms", millis);
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.0freq/s", perSecond);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2fx" : "%.0fx", value);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f%%", value * 100);
    }
}
