package shouwang.kit.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.Endpoint;
import org.apache.kafka.common.security.auth.SecurityProtocol;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real Kafka broker (KRaft, in this JVM) for tests, started once per JVM and shared by every application start.
 * Tests may stop and restart it ({@link #stopBroker()}, {@link #startBroker()}) on the same port and log directory,
 * to prove what happens while Kafka is down.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafkaBroker broker;
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
        if (broker == null) {
            clusterId = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
            try {
                // A UUID, not createTempDirectory's random long: the broker logs this path, and an 18-digit run in a
                // log line is what the suites' personal-data checks look for (PersonalDataPatterns).
                logDir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"),
                        "shouwang-kafka-" + java.util.UUID.randomUUID()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            startOnFreePorts();
            Runtime.getRuntime().addShutdownHook(new Thread(KafkaBrokerResource::stopBroker));
        }
        return "localhost:" + kafkaPort;
    }

    /**
     * A free port is free only until someone else binds it: on a machine running several suites at once another JVM
     * may take it between our probe and the broker's bind, and Kafka then exits the JVM. So the broker's exit is
     * turned into an exception while it starts, and the start is tried again on new ports.
     */
    private static void startOnFreePorts() {
        for (int attempt = 1;; attempt++) {
            kafkaPort = freePort();
            controllerPort = freePort();
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
                if (attempt >= 5 || !boundElsewhere(e)) {
                    throw e;
                }
                System.err.printf("Kafka test broker: port %d or %d was taken meanwhile, trying new ports (%s)%n",
                        kafkaPort, controllerPort, e.getMessage());
                try {
                    if (broker != null) {
                        broker.close();
                    }
                } catch (RuntimeException ignored) {
                    // a broker that never started has nothing to close
                }
                broker = null;
            } finally {
                org.apache.kafka.common.utils.Exit.resetExitProcedure();
                org.apache.kafka.common.utils.Exit.resetHaltProcedure();
            }
        }
    }

    private static boolean boundElsewhere(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof java.net.BindException || cause instanceof PortTakenException
                    || message.contains("Address already in use") || message.contains("failed to bind")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static final class PortTakenException extends RuntimeException {
        PortTakenException(String message) {
            super(message);
        }
    }

    /** Starts (or restarts) the broker on the same port and log directory. */
    public static synchronized void startBroker() {
        if (broker != null && broker.isRunning()) {
            return;
        }
        broker = new EmbeddedKafkaBroker()
                .withNodeId(1)
                .withKafkaHost("localhost")
                .withKafkaPort(kafkaPort)
                .withControllerPort(controllerPort)
                .withClusterId(clusterId)
                .withDeleteLogDirsOnClose(false)
                .withAdvertisedListeners(new Endpoint("PLAINTEXT", SecurityProtocol.PLAINTEXT, "localhost", kafkaPort))
                .withAdditionalProperties(properties -> {
                    properties.put("log.dirs", logDir.toString());
                    properties.put("num.partitions", "3");
                    properties.put("auto.create.topics.enable", "true");
                    properties.put("group.initial.rebalance.delay.ms", "0");
                    properties.put("offsets.topic.replication.factor", "1");
                    properties.put("transaction.state.log.replication.factor", "1");
                    properties.put("transaction.state.log.min.isr", "1");
                })
                .start();
    }

    public static synchronized void stopBroker() {
        if (broker != null && broker.isRunning()) {
            broker.close();
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
