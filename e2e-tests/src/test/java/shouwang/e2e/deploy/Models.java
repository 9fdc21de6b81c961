package shouwang.e2e.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Reads rendered objects into the real model classes: fabric8's Kubernetes model for the built-in kinds and for
 * prometheus-operator's (fabric8's monitoring model), Strimzi's api for Kafka, KafkaNodePool, KafkaTopic and
 * KafkaUser. Both models keep fields they do not know in {@code additionalProperties} instead of failing, so a
 * misspelled or misplaced field would pass a plain deserialisation (fabric8 even moves a value of the wrong type
 * there): {@link #unknownFields} walks the whole object and reports every such field with its path. The operators'
 * CRs without a Java model on the Maven mirror (CloudNativePG, Keycloak) are read as
 * {@link GenericKubernetesResource} (metadata checked) and their specs by the chart tests' own invariants.
 */
final class Models {

    static final Map<String, Class<?>> TYPED = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

    /** Group/version/kind of the operators' CRs the chart may render without a Java model. */
    static final Set<String> GENERIC = Set.of(
            "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/ScheduledBackup",
            "k8s.keycloak.org/v2alpha1/Keycloak", "k8s.keycloak.org/v2alpha1/KeycloakRealmImport");

    /** fabric8's own reader (Jackson 3 with the model's deserialisers), as the Kubernetes client itself reads objects. */
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Models() {
    }

    static String gvk(Manifest m) {
        return m.apiVersion() + "/" + m.kind();
    }

    /** The object in its model class; throws when the model refuses a value (a wrong type, a bad quantity). */
    static Object read(Manifest m) {
        Class<?> type = TYPED.get(gvk(m));
        if (type == null) {
            if (!GENERIC.contains(gvk(m))) {
                throw new AssertionError(m + ": " + gvk(m) + " is neither a modelled kind nor a known operator CR");
            }
            type = GenericKubernetesResource.class;
        }
        return SERIALIZATION.convertValue(m.body(), type);
    }

    /** Every field the model did not know, as "path.field"; for generic CRs only metadata is modelled. */
    static List<String> unknownFields(Object model) {
        List<String> found = new ArrayList<>();
        Object start = model instanceof GenericKubernetesResource generic ? generic.getMetadata() : model;
        walk(start, model instanceof GenericKubernetesResource ? "metadata" : "", found,
                Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    private static void walk(Object value, String path, List<String> found, Set<Object> seen) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", found, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            // Free-form maps (labels, config, data) hold values, not model objects: only typed values are walked.
            map.forEach((k, v) -> walk(v, path + "." + k, found, seen));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = getter.getName();
            if (name.equals("getAdditionalProperties")) {
                Object extra = invoke(getter, value);
                if (extra instanceof Map<?, ?> m && !m.isEmpty()) {
                    m.keySet().forEach(k -> found.add(path + "." + k));
                }
            } else if (name.startsWith("get") && name.length() > 3 && !isDerived(name)) {
                String field = Character.toLowerCase(name.charAt(3)) + name.substring(4);
                walk(invoke(getter, value), path + "." + field, found, seen);
            }
        }
    }

    /** Getters of CustomResource and Quantity that compute values rather than hold fields. */
    private static boolean isDerived(String getter) {
        return Set.of("getCRDName", "getSingular", "getPlural", "getScope", "getGroup", "getVersion",
                "getNumericalAmount", "getMarkedForDeletion").contains(getter);
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
