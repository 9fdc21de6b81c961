package shouwang.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The model check catches what a plain deserialisation lets through: the chart test relies on it. */
class ModelsTest {

    @Test
    void aMisspelledFieldDeepInADeploymentIsReportedWithItsPath() {
        Manifest deployment = new Manifest(Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "registry-service"),
                "spec", Map.of("template", Map.of("spec", Map.of("containers", List.of(Map.of(
                        "name", "registry-service", "image", "r/s:1",
                        "livenesProbe", Map.of("httpGet", Map.of("path", "/q/health/live", "port", 8080)))))))));

        assertThat(Models.unknownFields(Models.read(deployment)))
                .containsExactly(".spec.template.spec.containers[0].livenesProbe");
    }

    @Test
    void aMisplacedTopicSettingAndAWronglyTypedValueInStrimziResourcesAreReported() {
        Manifest topic = new Manifest(Map.of("apiVersion", "kafka.strimzi.io/v1beta2", "kind", "KafkaTopic",
                "metadata", Map.of("name", "alerts"),
                "spec", Map.of("partitions", 6, "replicas", 3, "retention.ms", 1000)));
        Manifest user = new Manifest(Map.of("apiVersion", "kafka.strimzi.io/v1beta2", "kind", "KafkaUser",
                "metadata", Map.of("name", "visit-service"),
                "spec", Map.of("authentication", Map.of("type", "scram-sha-512"),
                        "authorization", Map.of("type", "simple", "acls", List.of(Map.of(
                                "resource", Map.of("type", "topic", "name", "visits", "patternTyp", "literal"),
                                "operations", List.of("Write")))))));

        assertThat(Models.unknownFields(Models.read(topic))).containsExactly(".spec.retention.ms");
        assertThat(Models.unknownFields(Models.read(user))).containsExactly(".spec.authorization.acls[0].resource.patternTyp");
    }

    @Test
    void aWellFormedObjectHasNoUnknownField() {
        Manifest service = new Manifest(Map.of("apiVersion", "v1", "kind", "Service",
                "metadata", Map.of("name", "alert-service", "labels", Map.of("app.kubernetes.io/name", "alert-service")),
                "spec", Map.of("selector", Map.of("app.kubernetes.io/name", "alert-service"),
                        "ports", List.of(Map.of("name", "http", "port", 80, "targetPort", "http")))));

        assertThat(Models.unknownFields(Models.read(service))).isEmpty();
    }
}
