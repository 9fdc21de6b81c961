package shouwang.kit.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.Endpoint;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.security.auth.SecurityProtocol;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real Kafka broker (KRaft, in this JVM) for tests, started once per JVM and shared by every application start.
 * Tests may stop and restart it ({@link #stopBroker()}, {@link #startBroker()}) on the same port and log directory,
 * to prove what happens while Kafka is down.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaRaftServer server;
    private static int kafkaPort;
    private static int controllerPort;
    private static Path logDir;
    private static String clusterId;
    private static KafkaCompanion companion;

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared for the JVM's lifetime; the shutdown hook closes it.
    }

    public static synchronized String bootstrapServers() {
        if (server == null) {
            startFirstTime();
            Runtime.getRuntime().addShutdownHook(new Thread(KafkaBrokerResource::stopBroker));
        }
        return "localhost:" + kafkaPort;
    }

    /**
     * The first start picks its ports, log directory and cluster id, and may try again on new ones. A free port is
     * free only until someone else binds it: on a machine running several suites at once another JVM may take it
     * between our probe and the broker's bind, and Kafka then exits the JVM, so that exit is turned into an exception
     * while it starts. A start that failed any other way (once seen in CI: the broker never got its registration
     * acknowledged by its own controller and gave up after 60 s) has left a half-started controller behind: it is shut
     * down, and the next attempt starts clean, on new ports and in a new directory, so nothing of the failed attempt
     * (its threads, sockets, metadata log) can touch it.
     */
    private static void startFirstTime() {
        for (int attempt = 1;; attempt++) {
            kafkaPort = freePort();
            controllerPort = freePort();
            clusterId = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
            logDir = newLogDir();
            org.apache.kafka.common.utils.Exit.setExitProcedure((status, message) -> {
                throw new PortTakenException("Kafka wanted to exit (" + status + "): " + message);
            });
            org.apache.kafka.common.utils.Exit.setHaltProcedure((status, message) -> {
                throw new PortTakenException("Kafka wanted to halt (" + status + "): " + message);
            });
            try {
                startBroker();
                return;
            } catch (RuntimeException e) {
                if (attempt >= 3) {
                    throw e;
                }
                System.err.printf("Kafka test broker: start %d on ports %d/%d failed, trying again on new ports (%s)%n",
                        attempt, kafkaPort, controllerPort, rootMessage(e));
            } finally {
                org.apache.kafka.common.utils.Exit.resetExitProcedure();
                org.apache.kafka.common.utils.Exit.resetHaltProcedure();
            }
        }
    }

    private static Path newLogDir() {
        try {
            // A UUID, not createTempDirectory's random long: the broker logs this path, and an 18-digit run in a log
            // line is what the suites' personal-data checks look for (PersonalDataPatterns).
            return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"),
                    "shouwang-kafka-" + UUID.randomUUID()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static final class PortTakenException extends RuntimeException {
        PortTakenException(String message) {
            super(message);
        }
    }

    /**
     * Starts (or restarts) the broker on the same ports and log directory. The server is held from before its start,
     * so a start that fails half-way is shut down here (the companion's embedded broker drops a server whose start
     * threw, leaving its controller running).
     */
    public static synchronized void startBroker() {
        if (server != null) {
            return;
        }
        Endpoint broker = new Endpoint("PLAINTEXT", SecurityProtocol.PLAINTEXT, "localhost", kafkaPort);
        Endpoint controller = new Endpoint("CONTROLLER", SecurityProtocol.PLAINTEXT, "localhost", controllerPort);
        Properties properties = EmbeddedKafkaBroker.createDefaultBrokerConfig(1, controller, broker, List.of(broker));
        properties.put("log.dirs", logDir.toString());
        properties.put("num.partitions", "3");
        properties.put("auto.create.topics.enable", "true");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        KafkaConfig config = EmbeddedKafkaBroker.formatStorageFromConfig(properties, clusterId, true);
        KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException e) {
            shutDown(starting);
            throw e;
        }
        server = starting;
    }

    public static synchronized void stopBroker() {
        if (server != null) {
            shutDown(server);
            server = null;
        }
    }

    private static void shutDown(KafkaRaftServer stopping) {
        try {
            stopping.shutdown();
            stopping.awaitShutdown();
        } catch (RuntimeException e) {
            System.err.printf("Kafka test broker: shutdown failed (%s)%n", rootMessage(e));
        }
    }

    /** A companion client for producing and asserting records in tests. */
    public static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = new KafkaCompanion(bootstrapServers());
        }
        return companion;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
