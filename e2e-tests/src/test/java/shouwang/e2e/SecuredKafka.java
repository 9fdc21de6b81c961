package shouwang.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.yaml.snakeyaml.Yaml;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

import shouwang.e2e.Platform.Service;

/**
 * A Kafka broker (KRaft, in this JVM) secured as the chart's Strimzi cluster is: clients reach it only over SASL_SSL
 * with SCRAM-SHA-512 (one login per service, as the chart's KafkaUsers), and ACLs are on, exactly those of
 * {@code values.yaml}'s {@code strimzi.access}. TLS uses a CA and server certificate made at start with the JDK's
 * {@code keytool}; clients trust the CA from a PEM file, as the services trust the cluster CA's {@code ca.crt}.
 * <p>
 * Listeners, all on loopback: {@code CLIENT} (SASL_SSL, SCRAM-SHA-512; also the inter-broker listener, as
 * {@code admin}) and {@code CONTROLLER} (SASL_PLAINTEXT, PLAIN, principal {@code broker}). Nothing is unauthenticated.
 * The super users are the test's {@code admin} (bootstrapped at format time, as {@code kafka-storage format
 * --add-scram} does) and the broker itself; every service login is made with {@code Admin.alterUserScramCredentials},
 * and the admin creates every topic and dead-letter topic of the chart beforehand (automatic creation is off).
 */
final class SecuredKafka implements AutoCloseable {

    static final String ADMIN = "admin";
    private static final String SCRAM = "SCRAM-SHA-512";
    private static final int PARTITIONS = 3;

    private final Path directory;
    private final Path caPem;
    private final Chart chart;
    private final String adminPassword = secret();
    private final String brokerPassword = secret();
    private final String keystorePassword = secret();
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private int clientPort;
    private KafkaRaftServer server;

    private SecuredKafka(Path directory, Chart chart) {
        this.directory = directory;
        this.caPem = directory.resolve("ca.crt");
        this.chart = chart;
        for (String user : chart.access().keySet()) {
            passwords.put(user, secret());
        }
    }

    /** Makes the certificates, starts the broker, adds the logins, topics and ACLs of the chart. */
    static SecuredKafka start(Path repositoryRoot) {
        Chart chart = Chart.read(repositoryRoot.resolve("deploy/kubernetes/helm/shouwang/values.yaml"));
        Path directory;
        try {
            // a UUID, not a random long: the broker logs this path (see KafkaBrokerResource)
            directory = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"),
                    "shouwang-sasl-" + UUID.randomUUID()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        SecuredKafka kafka = new SecuredKafka(directory, chart);
        try {
            kafka.makeCertificates();
            kafka.startBroker();
            kafka.provision();
            return kafka;
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return "localhost:" + clientPort;
    }

    /** The CA certificate the clients trust (PEM), as the chart mounts the cluster CA's {@code ca.crt}. */
    Path caCertificate() {
        return caPem;
    }

    /** The service's Kafka settings as environment variables, exactly those the chart's configmap and deployment set. */
    Map<String, String> environment(Service service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        env.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("KAFKA_SASL_MECHANISM", SCRAM);
        env.put("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
        env.put("KAFKA_SSL_TRUSTSTORE_LOCATION", caPem.toString());
        env.put("KAFKA_SASL_JAAS_CONFIG", jaas(service.module, password(service.module)));
        return env;
    }

    Map<Service, Map<String, String>> environments() {
        Map<Service, Map<String, String>> all = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            all.put(service, environment(service));
        }
        return all;
    }

    String password(String user) {
        String password = ADMIN.equals(user) ? adminPassword : passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka login for " + user + " in values.yaml");
        }
        return password;
    }

    /** Client settings for a test's own Kafka client, logging in as {@code user} with {@code password}. */
    Properties client(String user, String password) {
        Properties properties = new Properties();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        properties.put(SaslConfigs.SASL_MECHANISM, SCRAM);
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(user, password));
        properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
        properties.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, caPem.toString());
        return properties;
    }

    Properties admin() {
        return client(ADMIN, adminPassword);
    }

    Chart chart() {
        return chart;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no failure of the test
        }
    }

    // --- TLS: a CA and the broker's certificate (SAN localhost, 127.0.0.1), with keytool only ---

    private void makeCertificates() {
        String ca = directory.resolve("ca.p12").toString();
        String broker = directory.resolve("broker.p12").toString();
        String request = directory.resolve("broker.csr").toString();
        String signed = directory.resolve("broker.crt").toString();
        String validity = "2";
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=Shouwang test cluster CA", "-ext", "bc:c", "-validity", validity,
                "-keystore", ca, "-storetype", "PKCS12", "-storepass", keystorePassword);
        keytool("-exportcert", "-alias", "ca", "-rfc", "-file", caPem.toString(),
                "-keystore", ca, "-storetype", "PKCS12", "-storepass", keystorePassword);
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-validity", validity,
                "-keystore", broker, "-storetype", "PKCS12", "-storepass", keystorePassword);
        keytool("-certreq", "-alias", "broker", "-file", request,
                "-keystore", broker, "-storetype", "PKCS12", "-storepass", keystorePassword);
        keytool("-gencert", "-alias", "ca", "-infile", request, "-outfile", signed, "-rfc", "-validity", validity,
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "KU=digitalSignature",
                "-ext", "EKU=serverAuth",
                "-keystore", ca, "-storetype", "PKCS12", "-storepass", keystorePassword);
        keytool("-importcert", "-alias", "ca", "-file", caPem.toString(), "-noprompt",
                "-keystore", broker, "-storetype", "PKCS12", "-storepass", keystorePassword);
        keytool("-importcert", "-alias", "broker", "-file", signed,
                "-keystore", broker, "-storetype", "PKCS12", "-storepass", keystorePassword);
    }

    private void keytool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + arguments[0] + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- the broker ---

    /** Probed free ports may be taken by another JVM before the broker binds them: then try new ones. */
    private void startBroker() {
        for (int attempt = 1;; attempt++) {
            clientPort = freePort();
            int controllerPort = freePort();
            Exit.setExitProcedure((status, message) -> {
                throw new IllegalStateException("Kafka wanted to exit (" + status + "): " + message);
            });
            Exit.setHaltProcedure((status, message) -> {
                throw new IllegalStateException("Kafka wanted to halt (" + status + "): " + message);
            });
            Path logs = directory.resolve("logs-" + attempt);
            try {
                KafkaConfig config = KafkaConfig.fromProps(brokerProperties(controllerPort, logs), false);
                Formatter formatter = new Formatter()
                        .setClusterId(UUID.randomUUID().toString().replace("-", "").substring(0, 22))
                        .setNodeId(config.nodeId())
                        .setControllerListenerName("CONTROLLER")
                        .setMetadataLogDirectory(logs.toString())
                        .addDirectory(logs.toString())
                        .setScramArguments(List.of(SCRAM + "=[name=" + ADMIN + ",password=" + adminPassword + "]"));
                formatter.run();
                KafkaRaftServer started = new KafkaRaftServer(config, Time.SYSTEM);
                server = started;
                started.startup();
                return;
            } catch (Exception e) {
                if (server != null) {
                    try {
                        server.shutdown();
                    } catch (RuntimeException ignored) {
                        // it never fully started
                    }
                    server = null;
                }
                if (attempt >= 4) {
                    throw new IllegalStateException("The secured Kafka broker did not start", e);
                }
                System.err.printf("Secured Kafka broker: start failed (%s), trying new ports%n", e.getMessage());
            } finally {
                Exit.resetExitProcedure();
                Exit.resetHaltProcedure();
            }
        }
    }

    private Properties brokerProperties(int controllerPort, Path logs) {
        Properties p = new Properties();
        p.put("node.id", "1");
        p.put("process.roles", "broker,controller");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "CLIENT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "CLIENT://localhost:" + clientPort);
        p.put("listener.security.protocol.map", "CLIENT:SASL_SSL,CONTROLLER:SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", "CLIENT");
        // clients: SCRAM-SHA-512 over TLS; the broker itself logs in as admin there
        p.put("sasl.mechanism.inter.broker.protocol", SCRAM);
        p.put("listener.name.client.sasl.enabled.mechanisms", SCRAM);
        p.put("listener.name.client.scram-sha-512.sasl.jaas.config", jaas(ADMIN, adminPassword));
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", directory.resolve("broker.p12").toString());
        p.put("ssl.keystore.password", keystorePassword);
        p.put("ssl.key.password", keystorePassword);
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.location", caPem.toString());
        p.put("ssl.client.auth", "none");
        // the controller's quorum: PLAIN with a static login of the broker (SCRAM logins live in the metadata it serves)
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"broker\" password=\""
                        + brokerPassword + "\" user_broker=\"" + brokerPassword + "\";");
        // ACLs on: nobody but the super users may do anything no ACL allows
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + ADMIN + ";User:broker");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("auto.create.topics.enable", "false");
        p.put("log.dirs", logs.toString());
        p.put("num.partitions", String.valueOf(PARTITIONS));
        p.put("default.replication.factor", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("controlled.shutdown.enable", "false");
        return p;
    }

    // --- logins, topics, ACLs: values.yaml's strimzi.access ---

    private void provision() {
        try (Admin admin = Admin.create(admin())) {
            List<UserScramCredentialAlteration> logins = new ArrayList<>();
            passwords.forEach((user, password) -> logins.add(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)));
            admin.alterUserScramCredentials(logins).all().get(60, TimeUnit.SECONDS);

            List<NewTopic> topics = new ArrayList<>();
            for (Map.Entry<String, Boolean> topic : chart.topics().entrySet()) {
                topics.add(new NewTopic(topic.getKey(), PARTITIONS, (short) 1).configs(
                        Map.of("cleanup.policy", topic.getValue() ? "compact" : "delete")));
                topics.add(new NewTopic(topic.getKey() + ".dlq", PARTITIONS, (short) 1));
            }
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
            admin.createAcls(acls()).all().get(60, TimeUnit.SECONDS);

            // the logins are in the broker's metadata before any client uses them
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (admin.describeUserScramCredentials().all().get(30, TimeUnit.SECONDS).size() < passwords.size() + 1) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the SCRAM logins did not appear");
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Provisioning the secured broker failed", e);
        }
    }

    /** The chart's KafkaUser ACLs (templates/strimzi-users.yaml), for the broker's own authorizer. */
    private List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        chart.access().forEach((user, access) -> {
            for (String topic : access.writes()) {
                allow(acls, user, ResourceType.TOPIC, topic, AclOperation.WRITE, AclOperation.DESCRIBE);
            }
            for (String topic : access.reads()) {
                allow(acls, user, ResourceType.TOPIC, topic, AclOperation.READ, AclOperation.DESCRIBE);
                allow(acls, user, ResourceType.TOPIC, topic + ".dlq", AclOperation.WRITE, AclOperation.DESCRIBE);
            }
            if (!access.reads().isEmpty()) {
                allow(acls, user, ResourceType.GROUP, user, AclOperation.READ, AclOperation.DESCRIBE);
            }
        });
        return acls;
    }

    private static void allow(List<AclBinding> acls, String user, ResourceType type, String name,
            AclOperation... operations) {
        for (AclOperation operation : operations) {
            acls.add(new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                    new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
        }
    }

    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    private static String secret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        // letters only: no digit runs for the personal-data log audits to trip over
        return HexFormat.of().formatHex(bytes).chars()
                .mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'g' + (c - '0') : c)))
                .reduce("", String::concat);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What values.yaml says about Kafka: the topics (compacted or not) and who writes and reads which. */
    record Chart(Map<String, Boolean> topics, Map<String, Access> access) {

        record Access(List<String> writes, List<String> reads) {
        }

        @SuppressWarnings("unchecked")
        static Chart read(Path values) {
            Map<String, Object> root;
            try (InputStream in = Files.newInputStream(values)) {
                root = new Yaml().load(in);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Map<String, Object> strimzi = (Map<String, Object>) root.get("strimzi");
            Map<String, Boolean> topics = new LinkedHashMap<>();
            for (Map<String, Object> topic : (List<Map<String, Object>>) ((Map<String, Object>) strimzi.get("topics"))
                    .get("list")) {
                topics.put((String) topic.get("name"), Boolean.TRUE.equals(topic.get("compacted")));
            }
            Map<String, Access> access = new LinkedHashMap<>();
            ((Map<String, Map<String, List<String>>>) strimzi.get("access")).forEach((user, rights) -> access.put(user,
                    new Access(List.copyOf(rights.getOrDefault("writes", List.of())),
                            List.copyOf(rights.getOrDefault("reads", List.of())))));
            return new Chart(topics, access);
        }
    }
}
