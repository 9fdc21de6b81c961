package shouwang.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import shouwang.e2e.Platform.Service;
import shouwang.kit.testing.KafkaBrokerResource;
import shouwang.kit.testing.TestTokens;
import shouwang.kit.testing.TopicProbe;

/**
 * 不漏一人 under faults. A paced stream of care signals, half over REST (a client that retries with the same signalId
 * until it is answered) and half as partner events on care-signals, while, at moments drawn from a seeded Random, each
 * service that takes part (registry, alert, visit) is killed with SIGKILL and restarted, the Kafka broker is restarted
 * and the services are cut off from PostgreSQL for some seconds. One kind (WORRY) is given a policy of seconds, so its
 * alerts climb the whole ladder during the run; visits name some tasks while the faults happen.
 * <p>
 * Afterwards, seen from outside (REST, topics, /q/metrics, consumer offsets): every signal has exactly one alert;
 * every (alert, level) exactly one task per layer the level asks (UNIT and COMMUNITY, then the STREET, the BUREAU); every task past its deadline and not visited is
 * MISSED with exactly one VisitMissed; every escalating alert escalated exactly once per level (history and
 * AlertEscalated); every visited task is DONE and was never MISSED after its visit; the outboxes drain to zero;
 * consumer lag returns to zero; nothing was dead-lettered. Size {@code -Dchaos.signals=N} (default 60), pace
 * {@code -Dchaos.stream.seconds} (default 40), replay {@code -Dchaos.seed=S} (printed at the start).
 */
class ChaosIT {

    private static final List<String> KINDS = List.of("HARDSHIP", "WORRY", "FAMILY_CONFLICT", "BENEFITS_NOT_HONOURED");
    private static final Map<String, String> EVENT_OF = Map.of("HARDSHIP", "HardshipReported", "WORRY",
            "WorryReported", "FAMILY_CONFLICT", "FamilyConflictReported", "BENEFITS_NOT_HONOURED",
            "BenefitsNotHonouredReported");
    /** Given seconds instead of days: its alerts go 0 → 1 → 2 → 3 while the faults happen. */
    private static final String ESCALATING = "WORRY";
    private static final String DEADLINE = "PT20S";
    private static final String ESCALATE_EVERY = "PT10S";
    private static final int TOP_LEVEL = 3;
    private static final List<String> LAYERS = List.of("COMMUNITY", "UNIT");
    /** The layers each level asks (docs/ladder.md): the unit and community, their leaders, the street, the bureau. */
    private static final List<List<String>> LAYERS_OF_LEVEL = List.of(LAYERS, LAYERS, List.of("STREET"),
            List.of("BUREAU"));
    private static final int TASKS_UP_THE_LADDER = LAYERS_OF_LEVEL.stream().mapToInt(List::size).sum();
    private static final Pattern METRIC = Pattern.compile("^(shouwang_outbox_backlog|shouwang_outbox_oldest_age_seconds)"
            + "(\\{[^}]*\\})?\\s+(\\S+)", Pattern.MULTILINE);

    private final Platform platform = Platform.get();
    private final String admin = Fixtures.admin();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    /** 5xx other than 503 seen by the clients: a fault must read as "come back later", never as a bug. */
    private final List<String> serverErrors = new CopyOnWriteArrayList<>();

    /** A visit the suite will log for the level-0 task of {@code layer}: by the visitor thread, during the faults. */
    private record PlannedVisit(String cadreId, String layer) {
    }

    private enum Fault {
        KILL_ALERT, KILL_VISIT, KILL_REGISTRY, RESTART_BROKER, CUT_POSTGRES
    }

    @Test
    void noSignalTaskOrEscalationIsLostOrDoubledWhileServicesTheBrokerAndTheDatabaseFail() throws Exception {
        int signals = Integer.getInteger("chaos.signals", 60);
        long streamMillis = TimeUnit.SECONDS.toMillis(Long.getLong("chaos.stream.seconds", 40));
        long seed = Long.getLong("chaos.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.printf("CHAOS seed=%d signals=%d (replay with -Dchaos.seed=%d)%n", seed, signals, seed);

        String[] orgs = Fixtures.orgs(platform);
        String street = "CHAOSJD" + orgs[1].substring("E2ESQ".length());
        Fixtures.street(platform, street, "混沌测试街道");
        Fixtures.editOrg(platform, "communities", orgs[1], Map.of("streetCode", street));
        String bureau = given().auth().oauth2(admin).get(platform.api(Service.REGISTRY) + "/org/bureau")
                .then().statusCode(200).extract().path("code");
        // every org a task of ours can name: the unit and community (levels 0, 1), the street (2), the bureau (3)
        List<String> taskOrgs = List.of(orgs[0], orgs[1], street, bureau);
        List<String> cadres = importCadres(orgs, signals);
        Map<String, String> kindOf = new HashMap<>();
        Map<String, List<String>> visitLayersOf = new HashMap<>();
        for (int i = 0; i < signals; i++) {
            String kind = KINDS.get(i % KINDS.size());
            kindOf.put(cadres.get(i), kind);
            if (i % 8 == 1) {
                // a visit racing the escalation: done in time, or late (MISSED first), never MISSED after it
                visitLayersOf.put(cadres.get(i), List.of("UNIT"));
            } else if (i % 8 == 2) {
                visitLayersOf.put(cadres.get(i), LAYERS);
            } else if (i % 8 == 6) {
                visitLayersOf.put(cadres.get(i), List.of("UNIT"));
            }
        }

        Map<String, Object> previousPolicy = given().auth().oauth2(admin)
                .get(platform.api(Service.ALERT) + "/escalation-policy").then().statusCode(200).extract()
                .jsonPath().getMap("kinds");
        setPolicy(Map.of(ESCALATING, Map.of("deadline", DEADLINE, "escalateEvery", ESCALATE_EVERY)));
        try {
            long started = System.nanoTime();
            Thread faults = background("chaos-faults", () -> runFaults(random, started));
            LinkedBlockingQueue<PlannedVisit> visitQueue = new LinkedBlockingQueue<>();
            Map<String, String> visitIds = new ConcurrentHashMap<>();
            Thread visitor = background("chaos-visitor", () -> visitWhenTasksAppear(visitQueue,
                    visitLayersOf.values().stream().mapToInt(List::size).sum(), visitIds, seed));

            for (int i = 0; i < signals; i++) {
                pace(started, streamMillis * i / signals);
                String cadreId = cadres.get(i);
                String kind = kindOf.get(cadreId);
                if (i % 3 == 0) {
                    assignContactsUntilAnswered(cadreId, orgs);
                }
                if (i % 2 == 0) {
                    postUntilAnswered(cadreId, kind, orgs[2]);
                } else {
                    publishWhenBrokerUp(cadreId, kind);
                }
                for (String layer : visitLayersOf.getOrDefault(cadreId, List.of())) {
                    visitQueue.add(new PlannedVisit(cadreId, layer));
                }
                if ((i + 1) % 1000 == 0) {
                    System.out.printf("CHAOS at %.0fs: %d signals sent%n", (System.nanoTime() - started) / 1e9, i + 1);
                }
            }
            double streamSeconds = (System.nanoTime() - started) / 1e9;
            faults.join();
            visitor.join();
            assertThat(failures).as("faults and visits ran").isEmpty();
            assertThat(serverErrors).as("answers other than 503 while a dependency was down").isEmpty();

            Set<String> ours = Set.copyOf(cadres);
            State state;
            long settleBound = System.nanoTime() + Duration.ofSeconds(Math.max(180, signals / 20)).toNanos();
            long nextReport = System.nanoTime();
            do {
                state = observe(orgs, taskOrgs, ours);
                if (System.nanoTime() >= nextReport) {
                    // what the platform is still working through, for whoever reads a slow or failed run
                    System.out.printf("CHAOS at %.0fs: alerts=%d tasks=%d open=%d backlog=%s lag=%d%s%n",
                            (System.nanoTime() - started) / 1e9, state.alertsByCadre.size(), state.tasks.size(),
                            state.tasks.values().stream().filter(t -> "OPEN".equals(t.status)).count(),
                            format(state.backlog), state.lag,
                            state.unreadable == null ? "" : " (" + state.unreadable + ")");
                    nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                }
            } while (!state.settled(kindOf, visitLayersOf) && System.nanoTime() < settleBound && pause());
            double settleSeconds = (System.nanoTime() - started) / 1e9;

            if (state.unreadable != null) {
                System.out.println("CHAOS last observation incomplete: " + state.unreadable);
            }
            Audit audit = audit(state, ours, kindOf);
            long missed = state.tasks.values().stream().filter(t -> "MISSED".equals(t.status)).count();
            System.out.printf("CHAOS seed=%d signals=%d alerts=%d tasks=%d missed=%d escalations=%d visits=%d lost=%d "
                    + "duplicated=%d redelivered=%d wrongTasks=%d deadLetters=%d outboxBacklog=%s lag=%d "
                    + "stream=%.1fs settle=%.1fs%n",
                    seed, signals, state.alertsByCadre.values().stream().mapToInt(List::size).sum(),
                    state.tasks.size(), missed, audit.escalationEvents, visitIds.size(), audit.lost,
                    audit.duplicated, redelivered, audit.wrongTasks.size(), audit.deadLetters, format(state.backlog), state.lag,
                    streamSeconds, settleSeconds);

            assertThat(state.alertsByCadre).as("one alert per signal").hasSize(signals)
                    .allSatisfy((cadre, alerts) -> assertThat(alerts).hasSize(1));
            assertThat(audit.wrongTasks).as("exactly one task per layer each level asks, per alert and level reached")
                    .isEmpty();
            assertThat(audit.missedProblems).as("every task past its deadline and not visited is MISSED, "
                    + "announced by exactly one VisitMissed").isEmpty();
            assertThat(audit.escalationProblems).as("escalated exactly once per level, to the top").isEmpty();
            assertThat(audit.visitProblems).as("a visit naming a task completes it; never MISSED after it")
                    .isEmpty();
            assertThat(visitIds).as("every planned visit was logged")
                    .hasSize(visitLayersOf.values().stream().mapToInt(List::size).sum());
            assertThat(state.backlog).as("outbox rows still unpublished, per service").allSatisfy((service,
                    rows) -> assertThat(rows).isEqualTo(0.0));
            assertThat(state.lag).as("records the services' consumer groups have not committed").isZero();
            assertThat(audit.deadLetters).as("records dead-lettered").isZero();
        } finally {
            if (partner != null) {
                partner.close(Duration.ofSeconds(5));
            }
            setPolicy(previousPolicy);
        }
    }

    /**
     * The cadres, distinct, living alone, through registry's CSV import (one request for any size: 10,000 one by one
     * took eight minutes), in the order registry lists them.
     */
    private List<String> importCadres(String[] orgs, int count) {
        StringBuilder csv = new StringBuilder("name,gender,birthDate,idNumber,retirementType,rank,partyMember,unitCode,"
                + "communityCode,gridCode,livingArrangement,selfCare,specialCategories,phone\n");
        LocalDate birth = LocalDate.of(1930, 1, 1);
        for (int i = 0; i < count; i++) {
            LocalDate date = birth.plusDays(i);
            csv.append("混沌测试").append(i).append(",MALE,").append(date).append(',')
                    .append(Fixtures.idNumber(date, true)).append(",TUIXIU,SECTION_CHIEF,true,").append(orgs[0])
                    .append(',').append(orgs[1]).append(',').append(orgs[2]).append(",ALONE,FULL,,13800138000\n");
        }
        String importId = given().auth().oauth2(admin).contentType("text/csv; charset=UTF-8")
                .body(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post(platform.api(Service.REGISTRY) + "/imports/cadres").then().statusCode(202).extract().path("id");
        long until = System.nanoTime() + Duration.ofMinutes(Math.max(2, count / 1000)).toNanos();
        JsonPath job;
        do {
            pause();
            job = given().auth().oauth2(admin).get(platform.api(Service.REGISTRY) + "/imports/" + importId).then()
                    .statusCode(200).extract().jsonPath();
        } while ("RUNNING".equals(job.getString("status")) && System.nanoTime() < until);
        assertThat(job.getString("status")).as("the import finished").isEqualTo("DONE");
        assertThat(job.getInt("accepted")).as("cadres imported").isEqualTo(count);
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> cadre : pages(platform.api(Service.REGISTRY) + "/cadres", "communityCode", orgs[1])) {
            ids.add((String) cadre.get("id"));
        }
        assertThat(ids).as("imported cadres listed").hasSize(count);
        return ids;
    }

    // --- the faults -------------------------------------------------------------------------------------------------

    /** Every fault once, in an order and at moments drawn from the seed; one at a time, as an outage usually is. */
    private void runFaults(Random random, long started) throws Exception {
        List<Fault> order = new ArrayList<>(List.of(Fault.values()));
        Collections.shuffle(order, random);
        for (Fault fault : order) {
            Thread.sleep(1_000 + random.nextInt(4_000));
            long down = 3_000 + random.nextInt(5_000);
            System.out.printf("CHAOS fault %s at %.1fs for %.1fs%n", fault, (System.nanoTime() - started) / 1e9,
                    down / 1e3);
            switch (fault) {
                case KILL_ALERT -> killAndRestart(Service.ALERT, down);
                case KILL_VISIT -> killAndRestart(Service.VISIT, down);
                case KILL_REGISTRY -> killAndRestart(Service.REGISTRY, down);
                case RESTART_BROKER -> {
                    KafkaBrokerResource.stopBroker();
                    Thread.sleep(down);
                    KafkaBrokerResource.startBroker();
                }
                case CUT_POSTGRES -> {
                    platform.database().cut();
                    Thread.sleep(down);
                    platform.database().restore();
                }
            }
        }
    }

    private void killAndRestart(Service service, long downMillis) throws Exception {
        platform.kill(service);
        Thread.sleep(downMillis);
        platform.start(service);
    }

    private Thread background(String name, Work work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        }, name);
        thread.start();
        return thread;
    }

    interface Work {
        void run() throws Exception;
    }

    // --- the clients ------------------------------------------------------------------------------------------------

    /** A field client: the same signalId until alert-service answers 202 (down, restarting, database cut). */
    private void postUntilAnswered(String cadreId, String kind, String grid) throws InterruptedException {
        Map<String, Object> body = Map.of("signalId", UUID.nameUUIDFromBytes(("chaos-" + cadreId).getBytes()).toString(),
                "cadreId", cadreId, "kind", kind, "occurredAt", OffsetDateTime.now().toString(), "details", "混沌测试");
        String token = TestTokens.user("grid-worker").grids(grid).token();
        untilAnswered("alert-service never took the signal for " + cadreId, () -> answered("POST /signals",
                given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                        .post(platform.api(Service.ALERT) + "/signals").statusCode(), 202));
    }

    /** A registry clerk assigning the responsible contacts (same orgs as the placement); PUT is idempotent. */
    private void assignContactsUntilAnswered(String cadreId, String[] orgs) throws InterruptedException {
        List<Map<String, Object>> contacts = List.of(
                Map.of("layer", "UNIT", "name", "单位联络员", "phone", "13900000001", "orgCode", orgs[0]),
                Map.of("layer", "COMMUNITY", "name", "社区书记", "phone", "13900000002", "orgCode", orgs[1]));
        untilAnswered("registry-service never took the contacts of " + cadreId, () -> answered("PUT /contacts",
                given().auth().oauth2(admin).contentType(ContentType.JSON).body(contacts)
                        .put(platform.api(Service.REGISTRY) + "/cadres/" + cadreId + "/contacts").statusCode(), 200));
    }

    /**
     * A partner system: a CloudEvent on care-signals, sent again (same ce_id) until the broker acknowledges it. One
     * long-lived producer, as a partner's gateway has; it reconnects by itself after the broker's restart.
     */
    private void publishWhenBrokerUp(String cadreId, String kind) throws InterruptedException {
        String ceId = UUID.randomUUID().toString();
        Map<String, Object> data = Map.of("cadreId", cadreId, "kind", kind, "details", "12345 热线转办");
        ProducerRecord<String, String> record = TopicProbe.record("care-signals", cadreId, EVENT_OF.get(kind), ceId,
                data);
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            try {
                partner().send(record).get(30, TimeUnit.SECONDS);
                return;
            } catch (Exception brokerDown) {
                if (System.nanoTime() > until) {
                    throw new AssertionError("the broker never took the partner's signal for " + cadreId, brokerDown);
                }
                Thread.sleep(500);
            }
        }
    }

    private KafkaProducer<String, String> partner;

    private synchronized KafkaProducer<String, String> partner() {
        if (partner == null) {
            partner = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    platform.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000), new StringSerializer(),
                    new StringSerializer());
        }
        return partner;
    }

    /**
     * A visitor with a phone app: once the signal is in, waits for the level-0 task of the layer to show in the
     * worklist, and logs a visit naming it, offline-safe (a client id, resent until answered).
     */
    private void visitWhenTasksAppear(LinkedBlockingQueue<PlannedVisit> queue, int planned, Map<String, String> done,
            long seed) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(Math.max(4, planned / 100)).toNanos();
        for (int logged = 0; logged < planned; logged++) {
            PlannedVisit visit = queue.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (visit == null) {
                throw new AssertionError("the stream never planned visit " + (logged + 1) + " of " + planned);
            }
            String taskId = null;
            while (taskId == null) {
                if (System.nanoTime() > until) {
                    throw new AssertionError("no level-0 " + visit.layer + " task appeared for " + visit.cadreId);
                }
                taskId = levelZeroTask(visit.cadreId, visit.layer);
                if (taskId == null) {
                    Thread.sleep(300);
                }
            }
            String visitId = UUID.nameUUIDFromBytes(("chaos-visit-" + seed + "-" + taskId).getBytes()).toString();
            Map<String, Object> body = Map.of("id", visitId, "cadreId", visit.cadreId, "visitedAt",
                    OffsetDateTime.now().minusSeconds(1).toString(), "channel", "IN_PERSON", "visitorName", "周走访",
                    "taskId", taskId, "notes", "混沌测试走访");
            untilAnswered("visit-service never took the visit for task " + taskId, () -> {
                int status = given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                        .post(platform.api(Service.VISIT) + "/visits").statusCode();
                return answered("POST /visits", status, 201) || status == 200;
            });
            done.put(taskId, visitId);
        }
    }

    private String levelZeroTask(String cadreId, String layer) {
        try {
            List<Map<String, Object>> items = given().auth().oauth2(admin).queryParam("cadreId", cadreId)
                    .queryParam("layer", layer).get(platform.api(Service.VISIT) + "/tasks").then().extract()
                    .jsonPath().getList("items");
            return items == null ? null : items.stream().filter(t -> ((Number) t.get("level")).intValue() == 0)
                    .map(t -> (String) t.get("id")).findFirst().orElse(null);
        } catch (Exception down) {
            return null;
        }
    }

    private boolean answered(String call, int status, int expected) {
        if (status >= 500 && status != 503) {
            serverErrors.add(call + " " + status);
        }
        return status == expected;
    }

    interface Call {
        boolean answered() throws Exception;
    }

    private static void untilAnswered(String never, Call call) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < until) {
            try {
                if (call.answered()) {
                    return;
                }
            } catch (Exception connectionRefused) {
                // the service is down or restarting: try again, as a phone would
            }
            Thread.sleep(200);
        }
        throw new AssertionError(never);
    }

    private void setPolicy(Map<String, Object> kinds) {
        untilAnswered(() -> given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("kinds", kinds))
                .put(platform.api(Service.ALERT) + "/escalation-policy").then().statusCode(200));
    }

    private static void untilAnswered(Runnable call) {
        try {
            untilAnswered("the escalation policy could not be set", () -> {
                call.run();
                return true;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- what an auditor sees ---------------------------------------------------------------------------------------

    private record Task(String id, String cadreId, String alertId, int level, String layer, String status,
            Instant deadline, Instant completedAt, String visitId) {
    }

    private record Alert(String id, String cadreId, String status, int level) {
    }

    private static final class State {
        final Map<String, List<Alert>> alertsByCadre = new HashMap<>();
        final Map<String, Task> tasks = new HashMap<>();
        final Map<Service, Double> backlog = new LinkedHashMap<>();
        long lag;
        /** Why this round could not read everything (a service restarting), or null. */
        String unreadable;

        List<Task> tasksOf(String alertId) {
            return tasks.values().stream().filter(t -> t.alertId.equals(alertId)).toList();
        }

        boolean settled(Map<String, String> kindOf, Map<String, List<String>> visitLayersOf) {
            if (lag != 0 || !backlog.values().stream().allMatch(rows -> rows == 0.0)
                    || alertsByCadre.size() != kindOf.size()) {
                return false;
            }
            Map<String, List<Task>> byAlert = tasks.values().stream().collect(Collectors.groupingBy(Task::alertId));
            for (Map.Entry<String, List<Alert>> entry : alertsByCadre.entrySet()) {
                if (entry.getValue().size() != 1) {
                    return false;
                }
                Alert alert = entry.getValue().get(0);
                boolean escalating = ESCALATING.equals(kindOf.get(entry.getKey()));
                List<Task> mine = byAlert.getOrDefault(alert.id, List.of());
                if (mine.size() != (escalating ? TASKS_UP_THE_LADDER : LAYERS.size())) {
                    return false;
                }
                if (escalating && (alert.level != TOP_LEVEL || mine.stream().anyMatch(t -> "OPEN".equals(t.status)))) {
                    return false;
                }
                List<String> visited = visitLayersOf.getOrDefault(entry.getKey(), List.of());
                if (mine.stream().anyMatch(t -> t.level == 0 && visited.contains(t.layer)
                        && !"DONE".equals(t.status))) {
                    return false;
                }
            }
            return true;
        }
    }

    private State observe(String[] orgs, List<String> taskOrgs, Set<String> ours) {
        State state = new State();
        try {
            for (Map<String, Object> a : pages(platform.api(Service.ALERT) + "/alerts", "communityCode", orgs[1])) {
                Alert alert = new Alert((String) a.get("id"), (String) a.get("cadreId"), (String) a.get("status"),
                        ((Number) a.get("level")).intValue());
                if (ours.contains(alert.cadreId)) {
                    state.alertsByCadre.computeIfAbsent(alert.cadreId, c -> new ArrayList<>()).add(alert);
                }
            }
            for (String org : taskOrgs) {
                for (Map<String, Object> t : pages(platform.api(Service.VISIT) + "/tasks", "orgCode", org)) {
                    Task task = new Task((String) t.get("id"), (String) t.get("cadreId"), (String) t.get("alertId"),
                            ((Number) t.get("level")).intValue(), (String) t.get("layer"), (String) t.get("status"),
                            instant(t.get("deadline")), instant(t.get("completedAt")), (String) t.get("visitId"));
                    if (ours.contains(task.cadreId)) {
                        state.tasks.put(task.id, task);
                    }
                }
            }
            for (Service service : Service.values()) {
                state.backlog.put(service, metric(service, "shouwang_outbox_backlog"));
            }
            state.lag = consumerLag();
        } catch (Exception notYet) {
            // a service still restarting: the next round reads again
            state.lag = -1;
            state.unreadable = notYet.toString();
        }
        return state;
    }

    private List<Map<String, Object>> pages(String url, String filter, String value) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0;; page++) {
            JsonPath body = readable(given().auth().oauth2(admin).queryParam(filter, value).queryParam("size", 500)
                    .queryParam("page", page).get(url)).jsonPath();
            List<Map<String, Object>> items = body.getList("items");
            all.addAll(items);
            if (items.size() < 500) {
                return all;
            }
        }
    }

    /**
     * The answer when it is a 200, else an exception {@link #observe} retries: a service answers 503 for a moment
     * after a fault ends (its pool's connections cut with the database are found dead one by one), and the settle
     * loop is there to wait for it. A RestAssured status check would throw an AssertionError past that loop instead.
     */
    private static io.restassured.response.Response readable(io.restassured.response.Response response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("answered " + response.statusCode() + ": "
                    + response.asString().substring(0, Math.min(200, response.asString().length())));
        }
        return response;
    }

    /** A service's gauge from its public Prometheus endpoint. */
    private double metric(Service service, String name) {
        String text = readable(given().get(platform.url(service) + "/q/metrics")).asString();
        Matcher matcher = METRIC.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return Double.parseDouble(matcher.group(3));
            }
        }
        throw new IllegalStateException(service.module + " has no " + name + " gauge");
    }

    /**
     * Records on the services' topics that their consumer groups have not committed: for every partition a group
     * is assigned or has committed, the end offset minus the committed one (0 committed when none yet).
     */
    private long consumerLag() throws Exception {
        Set<String> groups = new HashSet<>();
        for (Service service : Service.values()) {
            groups.add(service.module);
        }
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafkaBootstrapServers()))) {
            List<String> present = kafka.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).filter(groups::contains).toList();
            long lag = 0;
            for (String group : present) {
                Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Set<TopicPartition> partitions = new HashSet<>(committed.keySet());
                for (MemberDescription member : kafka.describeConsumerGroups(List.of(group)).describedGroups()
                        .get(group).get(10, TimeUnit.SECONDS).members()) {
                    partitions.addAll(member.assignment().topicPartitions());
                }
                if (partitions.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
                var ends = kafka.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                for (TopicPartition partition : partitions) {
                    OffsetAndMetadata offset = committed.get(partition);
                    lag += ends.get(partition).offset() - (offset == null ? 0 : offset.offset());
                }
            }
            return lag;
        }
    }

    private static final class Audit {
        long lost;
        long duplicated;
        long deadLetters;
        long escalationEvents;
        final List<String> wrongTasks = new ArrayList<>();
        final List<String> missedProblems = new ArrayList<>();
        final List<String> escalationProblems = new ArrayList<>();
        final List<String> visitProblems = new ArrayList<>();
    }

    private Audit audit(State state, Set<String> ours, Map<String, String> kindOf) {
        Audit audit = new Audit();
        audit.lost = ours.stream().filter(c -> !state.alertsByCadre.containsKey(c)).count();
        audit.duplicated = state.alertsByCadre.values().stream().filter(l -> l.size() > 1).count();
        Map<String, Alert> alerts = new HashMap<>();
        state.alertsByCadre.values().forEach(l -> l.forEach(a -> alerts.put(a.id, a)));

        // tasks: per alert and level reached, one task per layer that level asks
        for (Alert alert : alerts.values()) {
            Map<Integer, List<String>> layersByLevel = new HashMap<>();
            for (Task task : state.tasksOf(alert.id)) {
                layersByLevel.computeIfAbsent(task.level, l -> new ArrayList<>()).add(task.layer);
            }
            int reached = ESCALATING.equals(kindOf.get(alert.cadreId)) ? TOP_LEVEL : 0;
            for (int level = 0; level <= reached; level++) {
                List<String> layers = layersByLevel.getOrDefault(level, List.of()).stream().sorted().toList();
                List<String> expected = LAYERS_OF_LEVEL.get(level);
                if (!layers.equals(expected)) {
                    audit.wrongTasks.add("alert " + alert.id + " level " + level + ": " + layers);
                    audit.lost += layers.size() < expected.size() ? 1 : 0;
                    audit.duplicated += layers.size() > expected.size() ? 1 : 0;
                }
            }
            if (layersByLevel.keySet().stream().anyMatch(level -> level > reached)) {
                audit.wrongTasks.add("alert " + alert.id + " has tasks above level " + reached);
            }
        }

        // missed: exactly one VisitMissed per MISSED task, none for a task visited in time or still in time
        Map<String, List<Instant>> missedEvents = new HashMap<>();
        for (TopicProbe.Received r : readToEnd("visits", r -> ours.contains(r.key())
                && "VisitMissed".equals(r.name()))) {
            if (r.data() != null && r.data().hasNonNull("taskId")) {
                missedEvents.computeIfAbsent(r.data().get("taskId").asText(), t -> new ArrayList<>())
                        .add(Instant.parse(r.data().get("detectedAt").asText()));
            }
        }
        Instant now = Instant.now();
        for (Task task : state.tasks.values()) {
            List<Instant> events = missedEvents.getOrDefault(task.id, List.of());
            if (events.size() > 1) {
                audit.duplicated++;
            }
            boolean pastDue = task.deadline.isBefore(now.minusSeconds(2));
            switch (task.status) {
                case "MISSED" -> {
                    if (events.size() != 1) {
                        audit.missedProblems.add("task " + task.id + " MISSED with " + events.size() + " VisitMissed");
                    }
                }
                case "OPEN" -> {
                    if (pastDue) {
                        audit.missedProblems.add("task " + task.id + " still OPEN " + task.deadline + " past due");
                    }
                    if (!events.isEmpty()) {
                        audit.missedProblems.add("task " + task.id + " OPEN but announced missed");
                    }
                }
                case "DONE" -> {
                    if (events.size() > 1 || events.stream().anyMatch(at -> !at.isBefore(task.completedAt))) {
                        audit.visitProblems.add("task " + task.id + " missed " + events + " after its visit at "
                                + task.completedAt);
                    }
                }
                default -> audit.missedProblems.add("task " + task.id + " is " + task.status);
            }
        }

        // visits: every visited task DONE by its visit; an alert visited on both layers is resolved
        Map<String, List<Task>> visitedByAlert = new HashMap<>();
        for (Task task : state.tasks.values()) {
            if (task.visitId != null) {
                visitedByAlert.computeIfAbsent(task.alertId, a -> new ArrayList<>()).add(task);
                if (!"DONE".equals(task.status) || task.completedAt == null) {
                    audit.visitProblems.add("task " + task.id + " visited but " + task.status);
                }
            }
        }
        visitedByAlert.forEach((alertId, visited) -> {
            Alert alert = alerts.get(alertId);
            boolean bothLevelZero = visited.stream().filter(t -> t.level == 0).count() == 2;
            if (bothLevelZero && !"RESOLVED".equals(alert.status)) {
                audit.visitProblems.add("alert " + alertId + " visited on both layers but " + alert.status);
            }
        });

        // escalations: the top reached once per level, in the history and on the topic
        Map<String, Map<Integer, Integer>> escalatedTo = new HashMap<>();
        for (TopicProbe.Received r : readToEnd("alerts", r -> ours.contains(r.key())
                && "AlertEscalated".equals(r.name()))) {
            escalatedTo.computeIfAbsent(r.data().get("alertId").asText(), a -> new HashMap<>())
                    .merge(r.data().get("level").asInt(), 1, Integer::sum);
            audit.escalationEvents++;
        }
        for (Alert alert : alerts.values()) {
            Map<Integer, Integer> events = escalatedTo.getOrDefault(alert.id, Map.of());
            Map<Integer, Integer> expected = new HashMap<>();
            if (ESCALATING.equals(kindOf.get(alert.cadreId))) {
                for (int level = 1; level <= TOP_LEVEL; level++) {
                    expected.put(level, 1);
                }
                List<Integer> history = given().auth().oauth2(admin).get(platform.api(Service.ALERT) + "/alerts/"
                        + alert.id).then().statusCode(200).extract().jsonPath()
                        .getList("history.findAll { it.action == 'ESCALATED' }.level", Integer.class);
                if (!history.stream().sorted().toList().equals(List.of(1, 2, 3))) {
                    audit.escalationProblems.add("alert " + alert.id + " history escalations " + history);
                }
                if (alert.level != TOP_LEVEL) {
                    audit.escalationProblems.add("alert " + alert.id + " at level " + alert.level);
                }
            }
            if (!events.equals(expected)) {
                audit.escalationProblems.add("alert " + alert.id + " AlertEscalated by level " + events);
                if (events.values().stream().anyMatch(n -> n > 1)) {
                    audit.duplicated++;
                }
            }
        }

        for (String topic : List.of("care-signals.dlq", "alerts.dlq", "visits.dlq", "cadre-profiles.dlq")) {
            audit.deadLetters += TopicProbe.received(topic, r -> ours.contains(r.key()), 1, Duration.ofSeconds(1))
                    .size();
        }
        return audit;
    }

    /** Records seen again with a ce_id already read: the relay's at-least-once redeliveries, printed, not failed. */
    private long redelivered;

    /**
     * Every matching event on the topic, from the beginning to the end offsets of now, once per {@code ce_id}. A relay
     * cut off from its database after the broker's ack but before marking the row published sends that row again
     * with the same {@code ce_id} (at least once, by design); consumers dedupe on it, so one event is one ce_id.
     */
    private List<TopicProbe.Received> readToEnd(String topic, java.util.function.Predicate<TopicProbe.Received> match) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        List<TopicProbe.Received> found = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("could not read " + topic + " to its end in 2 minutes");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicProbe.Received received = TopicProbe.Received.of(record);
                    if (match.test(received)) {
                        if (received.id() != null && !ids.add(received.id())) {
                            redelivered++;
                        } else {
                            found.add(received);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse((String) value);
    }

    private static String format(Map<Service, Double> backlog) {
        return backlog.values().stream().allMatch(rows -> rows == 0.0) ? "0"
                : backlog.entrySet().stream().map(e -> e.getKey().database + ":" + e.getValue())
                        .collect(Collectors.joining(",", "[", "]"));
    }

    private static void pace(long started, long offsetMillis) throws InterruptedException {
        long wait = started + TimeUnit.MILLISECONDS.toNanos(offsetMillis) - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
