import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics of the public contract on the local broker, if missing. Idempotent.
 *
 * <pre>java -cp '.run/tools/kafka/libs/*' KafkaTopics.java 127.0.0.1:9092 [waitSeconds]</pre>
 *
 * Waits up to waitSeconds (default 60) for the broker to answer, then prints one line per topic.
 */
public class KafkaTopics {

    static final int PARTITIONS = 3;
    static final short REPLICATION = 1;

    /** topic name -> topic configs; every topic also gets a dead-letter twin, "<topic>.dlq". */
    static final Map<String, Map<String, String>> CONTRACT_TOPICS = new LinkedHashMap<>();

    static {
        CONTRACT_TOPICS.put("cadre-profiles", Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        // org records (streets, communities, units, grids, the bureau) keyed KIND:code: the newest version wins
        CONTRACT_TOPICS.put("org-records", Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        CONTRACT_TOPICS.put("care-signals", Map.of());
        CONTRACT_TOPICS.put("alerts", Map.of());
        CONTRACT_TOPICS.put("visits", Map.of());
        CONTRACT_TOPICS.put("volunteering", Map.of());
        // party branches and their study sessions (送学上门), keyed by branch code
        CONTRACT_TOPICS.put("party-branches", Map.of());
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: KafkaTopics <bootstrap-servers> [waitSeconds]");
            System.exit(2);
        }
        Duration wait = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);

        Map<String, Map<String, String>> wanted = new LinkedHashMap<>();
        CONTRACT_TOPICS.forEach((name, configs) -> {
            wanted.put(name, configs);
            wanted.put(name + ".dlq", Map.of());
        });

        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "shouwang-local-topics");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");

        try (Admin admin = Admin.create(props)) {
            Set<String> existing = existingTopics(admin, wait);

            List<NewTopic> toCreate = new ArrayList<>();
            wanted.forEach((name, configs) -> {
                if (!existing.contains(name)) {
                    toCreate.add(new NewTopic(name, PARTITIONS, REPLICATION).configs(configs));
                }
            });
            createAll(admin, toCreate);
            ensureConfigs(admin, wanted, existing);

            for (String name : wanted.keySet()) {
                System.out.printf("  %-22s %s%n", name, existing.contains(name) ? "present" : "created");
            }
        } catch (ExecutionException e) {
            System.err.println("Kafka topic setup failed: " + e.getCause());
            System.exit(1);
        }
    }

    /** Lists topics, retrying while the broker is still starting. */
    static Set<String> existingTopics(Admin admin, Duration wait) throws Exception {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            try {
                return admin.listTopics().names().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Kafka did not answer within " + wait.toSeconds() + " s: " + e, e);
                }
                Thread.sleep(500);
            }
        }
    }

    static void createAll(Admin admin, Collection<NewTopic> topics) throws Exception {
        if (topics.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(topics).all().get();
        } catch (ExecutionException e) {
            // another up.sh (or a service with auto-creation) won the race: that is fine
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** Topics created earlier (by hand, or auto-created by a client) get the contract's configs too. */
    static void ensureConfigs(Admin admin, Map<String, Map<String, String>> wanted, Set<String> existing) throws Exception {
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
        for (var topic : wanted.entrySet()) {
            if (!existing.contains(topic.getKey()) || topic.getValue().isEmpty()) {
                continue;
            }
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.getKey());
            var current = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            List<AlterConfigOp> ops = new ArrayList<>();
            topic.getValue().forEach((key, value) -> {
                ConfigEntry entry = current.get(key);
                if (entry == null || !value.equals(entry.value())) {
                    ops.add(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET));
                }
            });
            if (!ops.isEmpty()) {
                changes.put(resource, ops);
            }
        }
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get();
        }
    }
}
