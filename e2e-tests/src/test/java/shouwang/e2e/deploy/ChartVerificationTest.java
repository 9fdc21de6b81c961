package shouwang.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;

/**
 * The chart (deploy/kubernetes/helm/shouwang) rendered by the real helm binary with its default values and with
 * values-production.yaml, each object read into the fabric8 Kubernetes model or Strimzi's api model, and the
 * invariants an IT team relies on checked against the project's own sources (settings, event contract, OpenAPI).
 */
class ChartVerificationTest {

    static RenderedChart defaults;
    static RenderedChart production;

    @BeforeAll
    static void render() {
        defaults = RenderedChart.render();
        production = RenderedChart.render("values-production.yaml");
    }

    static Stream<Arguments> charts() {
        return Stream.of(Arguments.of("default values", defaults), Arguments.of("production values", production));
    }

    @Test
    void helmLintFindsNothingWrongWithEitherValuesFile() {
        String chart = RenderedChart.CHART.toString();
        assertThat(RenderedChart.helm("lint", "--strict", chart)).contains("0 chart(s) failed");
        assertThat(RenderedChart.helm("lint", "--strict", chart, "-f", chart + "/values-production.yaml"))
                .contains("0 chart(s) failed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void everyObjectReadsIntoItsModelClassWithNoFieldTheModelDoesNotKnow(String values, RenderedChart chart) {
        Map<String, List<String>> unknown = new LinkedHashMap<>();
        for (Manifest m : chart.objects) {
            List<String> fields = Models.unknownFields(Models.read(m));
            if (!fields.isEmpty()) {
                unknown.put(m.toString(), fields);
            }
        }
        assertThat(unknown).as("fields a model does not know (misspelled or misplaced)").isEmpty();
        assertThat(chart.objects).extracting(Models::gvk).contains("apps/v1/Deployment", "kafka.strimzi.io/v1beta2/Kafka",
                "kafka.strimzi.io/v1beta2/KafkaNodePool", "kafka.strimzi.io/v1beta2/KafkaTopic",
                "kafka.strimzi.io/v1beta2/KafkaUser", "postgresql.cnpg.io/v1/Cluster",
                "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", "monitoring.coreos.com/v1/PrometheusRule");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void everyTopicOfTheEventContractHasAKafkaTopicAndADeadLetterTopic(String values, RenderedChart chart) {
        Map<String, KafkaTopic> topics = topics(chart);
        Set<String> expected = new TreeSet<>(PlatformSources.contractTopics());
        assertThat(expected).as("docs/events.md sections").contains("cadre-profiles", "care-signals", "alerts", "visits", "volunteering");
        expected.addAll(PlatformSources.asyncApiAddresses());
        PlatformSources.services().forEach(s -> {
            expected.addAll(PlatformSources.consumedTopics(s));
            expected.addAll(PlatformSources.deadLetterTopics(s));
        });
        for (String topic : List.copyOf(expected)) {
            if (!topic.endsWith(".dlq")) {
                expected.add(topic + ".dlq");
            }
        }
        assertThat(topics.keySet()).containsAll(expected);
        topics.values().forEach(t -> {
            assertThat(t.getSpec().getReplicas()).as(t.getSpec().getTopicName() + " replicas").isEqualTo(3);
            assertThat(t.getSpec().getConfig()).as(t.getSpec().getTopicName()).containsEntry("min.insync.replicas", 2);
            assertThat(t.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "shouwang-kafka");
        });
        assertThat(topics.get("cadre-profiles").getSpec().getConfig()).containsEntry("cleanup.policy", "compact");
        assertThat(topics.get("org-records").getSpec().getConfig()).containsEntry("cleanup.policy", "compact");
        assertThat(topics.get("alerts").getSpec().getConfig()).containsEntry("cleanup.policy", "delete").containsKey("retention.ms");
        assertThat(topics.get("cadre-profiles.dlq").getSpec().getConfig()).containsEntry("cleanup.policy", "delete");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void everyContainerHasProbesLimitsAndRunsAsNonRootOnAReadOnlyFilesystem(String values, RenderedChart chart) {
        List<Deployment> deployments = deployments(chart);
        assertThat(deployments).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(PlatformSources.SERVICES);
        for (Deployment d : deployments) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(d.getMetadata().getName()).isTrue();
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            for (Container c : pod.getContainers()) {
                String who = d.getMetadata().getName() + "/" + c.getName();
                assertThat(c.getLivenessProbe().getHttpGet().getPath()).as(who).isEqualTo("/q/health/live");
                assertThat(c.getReadinessProbe().getHttpGet().getPath()).as(who).isEqualTo("/q/health/ready");
                assertThat(c.getStartupProbe().getHttpGet().getPath()).as(who).isEqualTo("/q/health/started");
                assertThat(c.getResources().getLimits()).as(who + " limits").containsKeys("cpu", "memory");
                assertThat(c.getResources().getRequests()).as(who + " requests").containsKeys("cpu", "memory");
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(who).isTrue();
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(who).isFalse();
                assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(who).contains("ALL");
                assertThat(c.getVolumeMounts()).as(who + ": /tmp stays writable").anyMatch(v -> v.getMountPath().equals("/tmp"));
                assertThat(c.getImage()).as(who).matches("[^:]+/[^:]+:[^:]+").doesNotEndWith(":latest");
            }
        }
    }

    @Test
    void anImageTaggedLatestIsRefused() {
        assertThatThrownBy(() -> RenderedChart.helm("template", "shouwang", RenderedChart.CHART.toString(),
                "--set", "image.tag=latest"))
                .isInstanceOf(RenderedChart.HelmFailed.class).hasMessageContaining("never latest");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void everySettingThatPointsAtLocalhostOrHoldsADemoCredentialIsSetForEachService(String values, RenderedChart chart) {
        for (String service : PlatformSources.SERVICES) {
            Map<String, Env> env = environment(chart, service);
            Set<String> required = new LinkedHashSet<>();
            PlatformSources.localOnlySettings(service).forEach(s -> required.add(PlatformSources.envName(s)));
            assertThat(required).as(service + ": the local settings found").contains(
                    "QUARKUS_DATASOURCE_JDBC_URL", "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_OIDC_AUTH_SERVER_URL");
            required.forEach(name -> {
                assertThat(env).as(service).containsKey(name);
                assertThat(env.get(name).value()).as(service + " " + name).isNotBlank().doesNotContain("localhost", "127.0.0.1");
            });
            PlatformSources.demoCredentials(service).forEach(setting -> {
                String name = PlatformSources.envName(setting);
                assertThat(env).as(service).containsKey(name);
                assertThat(env.get(name).fromSecret()).as(service + " " + name + " from a Secret").isTrue();
            });
            assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL").value()).as(service)
                    .contains("/" + PlatformSources.database(service));
            // Secured Kafka, for every client of the service (the outbox relay reads the same KAFKA_* variables).
            assertThat(env.get("KAFKA_SECURITY_PROTOCOL").value()).isEqualTo("SASL_SSL");
            assertThat(env.get("KAFKA_SASL_MECHANISM").value()).isEqualTo("SCRAM-SHA-512");
            assertThat(env.get("KAFKA_SASL_JAAS_CONFIG").fromSecret()).isTrue();
            assertThat(env.get("KAFKA_SSL_TRUSTSTORE_LOCATION").value()).startsWith("/etc/shouwang/kafka-ca/");
            assertThat(env.get("QUARKUS_HTTP_PORT").value()).isEqualTo("8080");
        }
        // RegistryConfig has no default for the ID-number key on purpose: the service refuses to start without it.
        assertThat(environment(chart, "registry-service").get("SHOUWANG_REGISTRY_ID_NUMBER_KEY").fromSecret()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void everySecretAServiceReadsIsMadeByAnOperatorOrNamedInTheValues(String values, RenderedChart chart) {
        Set<String> operatorMade = new LinkedHashSet<>();
        chart.ofKind("KafkaUser").forEach(u -> operatorMade.add(u.name()));
        chart.ofKind("Cluster").forEach(c -> operatorMade.add(c.name() + "-app"));
        chart.ofKind("Kafka").forEach(k -> operatorMade.add(k.name() + "-cluster-ca-cert"));
        Set<String> existing = Set.of("shouwang-registry-id-number-key");
        for (Deployment d : deployments(chart)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            Set<String> read = new TreeSet<>();
            pod.getContainers().forEach(c -> c.getEnv().stream().filter(e -> e.getValueFrom() != null
                    && e.getValueFrom().getSecretKeyRef() != null).forEach(e -> read.add(e.getValueFrom().getSecretKeyRef().getName())));
            pod.getVolumes().stream().filter(v -> v.getSecret() != null).forEach(v -> read.add(v.getSecret().getSecretName()));
            assertThat(read).as(d.getMetadata().getName()).isNotEmpty();
            read.forEach(name -> assertThat(operatorMade.contains(name) || existing.contains(name))
                    .as(d.getMetadata().getName() + " reads Secret " + name).isTrue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void noSecretValueIsWrittenIntoTheChart(String values, RenderedChart chart) {
        assertThat(chart.ofKind("Secret")).as("the chart creates no Secret: they exist before, or operators write them").isEmpty();
        Pattern secretName = Pattern.compile(".*(PASSWORD|SECRET|JAAS|TOKEN|_KEY)$");
        for (Deployment d : deployments(chart)) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar e : c.getEnv()) {
                    if (secretName.matcher(e.getName()).matches() && !e.getName().equals("SHOUWANG_TOKEN_AUDIENCE")) {
                        assertThat(e.getValue()).as(d.getMetadata().getName() + " " + e.getName() + " inline").isNull();
                    }
                }
            }
        }
        chart.ofKind("ConfigMap").filter(c -> c.name().equals("shouwang-platform")).forEach(c ->
                assertThat(c.map("data").keySet()).noneMatch(k -> secretName.matcher(k).matches()));
        // The local stack's demo secrets and passwords never reach a cluster.
        assertThat(chart.text).doesNotContain("shouwang-partner-local-secret", "\"credentials\"", "credentials:");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void everyPathOfEachServicesOpenApiDocumentReachesThatServiceThroughTheOneIngress(String values, RenderedChart chart) {
        List<Manifest> ingresses = chart.ofKind("Ingress").toList();
        assertThat(ingresses).hasSize(1);
        List<Map<String, Object>> rules = Manifest.list(ingresses.get(0).at("spec", "rules"));
        assertThat(rules).hasSize(1);
        List<Route> routes = Manifest.list(Manifest.map(rules.get(0), "http").get("paths")).stream()
                .map(p -> new Route((String) p.get("path"), (String) p.get("pathType"),
                        (String) Manifest.map(p, "backend", "service").get("name"))).toList();
        Map<String, String> misrouted = new LinkedHashMap<>();
        for (String service : PlatformSources.SERVICES) {
            for (String path : PlatformSources.apiPaths(service)) {
                String concrete = path.replaceAll("\\{[^}]+}", "x1");
                String target = Route.resolve(routes, concrete);
                if (!service.equals(target)) {
                    misrouted.put(path + " (" + service + ")", String.valueOf(target));
                }
            }
        }
        assertThat(misrouted).as("OpenAPI path -> service the Ingress sends it to").isEmpty();
        assertThat(Route.resolve(routes, "/")).isEqualTo("shouwang-console");
        assertThat(Route.resolve(routes, "/index.html")).isEqualTo("shouwang-console");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void eachServiceMayWriteWhatItPublishesAndReadWhatItConsumesAndPartnersNeverReadCadreProfiles(String values, RenderedChart chart) {
        Map<String, KafkaUser> users = chart.ofKind("KafkaUser").collect(Collectors.toMap(Manifest::name,
                m -> (KafkaUser) Models.read(m)));
        for (String service : PlatformSources.SERVICES) {
            KafkaUser user = users.get(service);
            assertThat(user).as(service + " has a KafkaUser").isNotNull();
            assertThat(user.getSpec().getAuthentication().getType()).isEqualTo("scram-sha-512");
            Set<String> writable = topicsAllowed(user, AclOperation.WRITE);
            Set<String> readable = topicsAllowed(user, AclOperation.READ);
            assertThat(writable).as(service + " writes").containsAll(PlatformSources.producedTopics(service))
                    .containsAll(PlatformSources.deadLetterTopics(service));
            Set<String> consumed = PlatformSources.consumedTopics(service);
            // org-records (the org data of the escalation ladder) may be granted before its consumer ships.
            assertThat(readable).as(service + " reads").containsAll(consumed).isSubsetOf(union(consumed, Set.of("org-records")));
            assertThat(readable).as(service + " never reads a dead-letter topic").noneMatch(t -> t.endsWith(".dlq"));
        }
        List<KafkaUser> partners = users.values().stream()
                .filter(u -> "true".equals(u.getMetadata().getLabels().get("shouwang.io/partner"))).toList();
        assertThat(partners).isNotEmpty();
        for (KafkaUser partner : partners) {
            String who = partner.getMetadata().getName();
            assertThat(topicsAllowed(partner, AclOperation.WRITE)).as(who + " writes").containsExactly("care-signals");
            assertThat(topicsAllowed(partner, AclOperation.READ)).as(who + " reads").containsExactlyInAnyOrder("alerts", "visits");
            assertThat(acls(partner)).as(who).noneMatch(r -> r.getResource() instanceof AclRuleTopicResource t
                    && (t.getName().startsWith("cadre-profiles") || "*".equals(t.getName())
                    || t.getPatternType() != null && !"literal".equalsIgnoreCase(t.getPatternType().toValue())));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void theOperationsUserReadsEveryDeadLetterTopicAndRedrivesToItsSourceButReadsNoLiveTopic(String values, RenderedChart chart) {
        KafkaUser operations = (KafkaUser) Models.read(chart.one("KafkaUser", "shouwang-operations"));
        Set<String> deadLetters = topics(chart).keySet().stream().filter(t -> t.endsWith(".dlq")).collect(Collectors.toSet());
        assertThat(topicsAllowed(operations, AclOperation.READ)).containsExactlyInAnyOrderElementsOf(deadLetters);
        assertThat(topicsAllowed(operations, AclOperation.WRITE)).containsExactlyInAnyOrderElementsOf(
                deadLetters.stream().map(t -> t.substring(0, t.length() - ".dlq".length())).toList());
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void eachServiceHasItsOwnDatabaseClusterServiceDisruptionBudgetAndNetworkPolicy(String values, RenderedChart chart) {
        for (String service : PlatformSources.SERVICES) {
            String db = PlatformSources.database(service);
            Manifest cluster = chart.one("Cluster", "shouwang-pg-" + db);
            assertThat(cluster.at("spec", "bootstrap", "initdb", "database")).isEqualTo(db);
            assertThat((Integer) cluster.at("spec", "instances")).isGreaterThanOrEqualTo(2);
            assertThat(chart.one("Service", service).at("spec", "selector")).isEqualTo(
                    Map.of("app.kubernetes.io/name", service, "app.kubernetes.io/instance", "shouwang"));
            assertThat(chart.one("PodDisruptionBudget", service).at("spec", "selector", "matchLabels")).isEqualTo(
                    Map.of("app.kubernetes.io/name", service, "app.kubernetes.io/instance", "shouwang"));
            Manifest policy = chart.one("NetworkPolicy", service);
            List<Map<String, Object>> egress = Manifest.list(policy.at("spec", "egress"));
            assertThat(egress).as(service + " may reach its own database")
                    .anyMatch(e -> e.toString().contains("cnpg.io/cluster=shouwang-pg-" + db));
            assertThat(egress).as(service + " may reach no other database").noneMatch(e -> PlatformSources.SERVICES.stream()
                    .filter(other -> !other.equals(service))
                    .anyMatch(other -> e.toString().contains("cnpg.io/cluster=shouwang-pg-" + PlatformSources.database(other) + "}")));
        }
        Manifest deny = chart.one("NetworkPolicy", "shouwang-default-deny");
        assertThat((List<Object>) deny.at("spec", "policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.at("spec", "ingress")).isNull();
        assertThat(deny.at("spec", "egress")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void theRealmImportHasTheLocalRealmsRolesAndClaimsButNoUsersAndNoSecrets(String values, RenderedChart chart) {
        Map<String, Object> realm = chart.one("KeycloakRealmImport", "shouwang-keycloak-shouwang-realm").map("spec", "realm");
        JsonNode local = PlatformSources.localRealm();
        Set<String> localRoles = new TreeSet<>();
        local.path("roles").path("realm").forEach(r -> localRoles.add(r.path("name").asText()));
        assertThat(Manifest.list(Manifest.map(realm, "roles").get("realm"))).extracting(r -> r.get("name"))
                .containsExactlyInAnyOrderElementsOf(localRoles);
        Set<String> localClaims = new TreeSet<>();
        local.path("clients").forEach(c -> c.path("protocolMappers").forEach(m -> localClaims.add(m.path("name").asText())));
        for (Map<String, Object> client : Manifest.list(realm.get("clients"))) {
            assertThat(Manifest.list(client.get("protocolMappers"))).extracting(m -> m.get("name"))
                    .as(client.get("clientId") + " mappers").containsExactlyInAnyOrderElementsOf(localClaims);
            assertThat((Boolean) client.getOrDefault("directAccessGrantsEnabled", false)).as("password grant").isFalse();
            Object secret = client.get("secret");
            assertThat(secret == null || "${SHOUWANG_PARTNER_CLIENT_SECRET}".equals(secret)).as(client.get("clientId") + " secret").isTrue();
            assertThat(String.valueOf(client.get("redirectUris"))).doesNotContain("localhost", "127.0.0.1");
        }
        assertThat(Manifest.list(realm.get("users"))).as("only the partner client's service account")
                .allMatch(u -> u.get("serviceAccountClientId") != null && u.get("credentials") == null);
        assertThat(realm.get("sslRequired")).isNotEqualTo("none");
        assertThat(chart.one("KeycloakRealmImport", "shouwang-keycloak-shouwang-realm")
                .at("spec", "placeholders", "SHOUWANG_PARTNER_CLIENT_SECRET", "secret", "name")).isEqualTo("shouwang-partner-client");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void alertsWatchOutboxAgeBacklogDeadLettersLagAndReadinessAndTheDashboardShowsThem(String values, RenderedChart chart) throws Exception {
        Map<String, String> alerts = new HashMap<>();
        for (Map<String, Object> group : Manifest.list(chart.one("PrometheusRule", "shouwang").at("spec", "groups"))) {
            for (Map<String, Object> rule : Manifest.list(group.get("rules"))) {
                alerts.put((String) rule.get("alert"), (String) rule.get("expr"));
                assertThat(Manifest.map(rule, "annotations")).containsKeys("summary", "runbook_url");
                assertThat((String) Manifest.map(rule, "annotations").get("runbook_url"))
                        .endsWith("operations.md#" + ((String) rule.get("alert")).toLowerCase());
            }
        }
        assertThat(alerts.get("ShouwangOutboxStalled")).contains("shouwang_outbox_oldest_age_seconds", "> 60");
        assertThat(alerts.get("ShouwangOutboxBacklog")).contains("shouwang_outbox_backlog");
        assertThat(alerts.get("ShouwangDeadLetters")).contains("kafka_topic_partition_current_offset", "dlq");
        assertThat(alerts.get("ShouwangConsumerLag")).contains("kafka_consumergroup_lag");
        assertThat(alerts.get("ShouwangServiceNotReady")).contains("kube_deployment_status_replicas_available");
        String operations = PlatformSources.read(PlatformSources.ROOT.resolve("docs/operations.md"));
        alerts.keySet().forEach(alert -> assertThat(operations).as("docs/operations.md explains " + alert).contains("### " + alert));

        String dashboard = (String) chart.one("ConfigMap", "shouwang-grafana-dashboard").map("data").get("shouwang.json");
        JsonNode json = new ObjectMapper().readTree(dashboard);
        List<String> exprs = new ArrayList<>();
        json.path("panels").forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
        assertThat(String.join("\n", exprs)).contains("shouwang_outbox_backlog", "shouwang_outbox_oldest_age_seconds",
                "kafka_consumergroup_lag", ".dlq", "kube_deployment_status_replicas_available");
        Manifest monitor = chart.one("ServiceMonitor", "shouwang-services");
        assertThat(String.valueOf(monitor.at("spec", "endpoints"))).contains("path=/q/metrics");
    }

    @Test
    void productionScalesEveryServiceAutomaticallyAndBacksUpEveryDatabase() {
        for (String service : PlatformSources.SERVICES) {
            Manifest hpa = production.one("HorizontalPodAutoscaler", service);
            assertThat(hpa.at("spec", "scaleTargetRef", "name")).isEqualTo(service);
            assertThat((Integer) hpa.at("spec", "minReplicas")).isGreaterThanOrEqualTo(2);
            assertThat(production.one("Deployment", service).at("spec", "replicas")).as("the HPA owns replicas").isNull();
            String db = PlatformSources.database(service);
            assertThat(production.one("Cluster", "shouwang-pg-" + db).at("spec", "backup", "barmanObjectStore", "destinationPath"))
                    .isEqualTo("s3://shouwang-backups/postgres/" + db);
            assertThat(production.one("ScheduledBackup", "shouwang-pg-" + db + "-daily").at("spec", "cluster", "name"))
                    .isEqualTo("shouwang-pg-" + db);
        }
        assertThat(production.one("Ingress", "shouwang").at("spec", "tls")).isNotNull();
        assertThat(defaults.ofKind("HorizontalPodAutoscaler")).isEmpty();
    }

    @Test
    void withoutStrimziTheKafkaBootstrapMustBeGiven() {
        assertThatThrownBy(() -> RenderedChart.helm("template", "shouwang", RenderedChart.CHART.toString(),
                "--set", "strimzi.enabled=false"))
                .isInstanceOf(RenderedChart.HelmFailed.class).hasMessageContaining("kafka.bootstrapServers is required");
        RenderedChart external = RenderedChart.renderWith("strimzi.enabled=false", "kafka.bootstrapServers=kafka.example.gov.cn:9093",
                "kafka.truststore.secretName=district-kafka-ca", "kafka.userSecretPrefix=kafka-");
        assertThat(external.ofKind("KafkaTopic")).isEmpty();
        assertThat(external.one("ConfigMap", "shouwang-platform").map("data"))
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka.example.gov.cn:9093");
        assertThat(environment(external, "alert-service").get("KAFKA_SASL_JAAS_CONFIG").secret()).isEqualTo("kafka-alert-service");
    }

    // --- reading the rendered objects ---

    record Env(String value, String secret) {
        boolean fromSecret() {
            return secret != null;
        }
    }

    /** The container's environment as the kubelet builds it: envFrom ConfigMaps first, then env entries. */
    static Map<String, Env> environment(RenderedChart chart, String service) {
        Deployment d = (Deployment) Models.read(chart.one("Deployment", service));
        Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, Env> env = new LinkedHashMap<>();
        c.getEnvFrom().forEach(from -> {
            Map<String, Object> data = chart.one("ConfigMap", from.getConfigMapRef().getName()).map("data");
            data.forEach((k, v) -> env.put(k, new Env(String.valueOf(v), null)));
        });
        c.getEnv().forEach(e -> env.put(e.getName(), e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null
                ? new Env(null, e.getValueFrom().getSecretKeyRef().getName())
                : new Env(e.getValue(), null)));
        return env;
    }

    static List<Deployment> deployments(RenderedChart chart) {
        return chart.ofKind("Deployment").map(m -> (Deployment) Models.read(m)).toList();
    }

    static Map<String, KafkaTopic> topics(RenderedChart chart) {
        return chart.ofKind("KafkaTopic").map(m -> (KafkaTopic) Models.read(m))
                .collect(Collectors.toMap(t -> t.getSpec().getTopicName(), t -> t));
    }

    static List<AclRule> acls(KafkaUser user) {
        return ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
    }

    static Set<String> topicsAllowed(KafkaUser user, AclOperation operation) {
        return acls(user).stream()
                .filter(r -> r.getResource() instanceof AclRuleTopicResource && r.getOperations().contains(operation))
                .map(r -> ((AclRuleTopicResource) r.getResource()).getName())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** ingress-nginx's choice: among the paths that match, the longest wins; ImplementationSpecific paths are regexes. */
    record Route(String path, String type, String service) {
        boolean matches(String request) {
            if (type.equals("ImplementationSpecific")) {
                return Pattern.compile("^" + path + "(/.*)?$").matcher(request).matches();
            }
            return path.equals("/") || request.equals(path) || request.startsWith(path + "/");
        }

        static String resolve(List<Route> routes, String request) {
            return routes.stream().filter(r -> r.matches(request))
                    .max((a, b) -> Integer.compare(a.path.length(), b.path.length()))
                    .map(Route::service).orElse(null);
        }
    }
}
