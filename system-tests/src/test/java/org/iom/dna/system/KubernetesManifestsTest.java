package org.iom.dna.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kubernetes manifests as each overlay renders them (kubectl kustomize), read into the Fabric8 model: every
 * Deployment is probed, bounded and locked down and holds no secret value; each service's image, port and health
 * paths agree with the service; every variable a service must be given is set; every topic the code uses exists as
 * a KafkaTopic with the partitions the code expects. Runs without a cluster; skipped where kubectl is missing.
 */
class KubernetesManifestsTest {

    private static final Path REPO = Path.of(System.getProperty("dna.repo.dir", ".."));
    /** Each service and the port it listens on (its application.properties). */
    private static final Map<String, Integer> SERVICES = Map.of(
            "intake-service", 8081,
            "scheduling-service", 8082,
            "mhac-registry-service", 8083,
            "notification-service", 8084);

    private static final Pattern REQUIRED_ENV = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|KEYS?)$");
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper MODEL = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static List<JsonNode> render(String overlay) throws IOException, InterruptedException {
        Path dir = REPO.resolve("deploy/kubernetes/overlays/" + overlay);
        Process kubectl;
        try {
            kubectl = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException notInstalled) {
            Assumptions.abort("kubectl is not installed: the overlays cannot be rendered here");
            throw notInstalled;
        }
        String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(kubectl.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish");
        assertEquals(0, kubectl.exitValue(), "kubectl kustomize " + dir + ":\n" + out);
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(out)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> {
                if (d != null && !d.isEmpty()) {
                    docs.add(d);
                }
            });
        }
        return docs;
    }

    private static <T> List<T> ofKind(List<JsonNode> docs, String kind, Class<T> model) {
        return docs.stream()
                .filter(d -> kind.equals(d.path("kind").asText()))
                .map(d -> MODEL.convertValue(d, model))
                .toList();
    }

    /** Variables a service must be given: read in its prod profile (or by every service) without a default. */
    private static Set<String> requiredBy(String service) throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path file : List.of(
                REPO.resolve(service + "/src/main/resources/application.properties"),
                REPO.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"))) {
            Matcher m = REQUIRED_ENV.matcher(Files.readString(file));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static Deployment deployment(List<JsonNode> docs, String service) {
        return ofKind(docs, "Deployment", Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals(service))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + service));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"test", "prod"})
    void shouldRunEveryServiceProbedBoundedAndLockedDown(String overlay) throws Exception {
        List<JsonNode> docs = render(overlay);
        List<Deployment> deployments = ofKind(docs, "Deployment", Deployment.class);
        assertEquals(
                SERVICES.keySet(),
                new TreeSet<>(
                        deployments.stream().map(d -> d.getMetadata().getName()).toList()));
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName();
            var pod = d.getSpec().getTemplate().getSpec();
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), name + ": runAsNonRoot");
            for (Container c : pod.getContainers()) {
                assertProbe(name, c.getReadinessProbe(), "/q/health/ready");
                assertProbe(name, c.getLivenessProbe(), "/q/health/live");
                assertNotNull(c.getResources().getRequests().get("memory"), name + ": memory request");
                assertNotNull(c.getResources().getLimits().get("memory"), name + ": memory limit");
                assertNotNull(c.getResources().getLimits().get("cpu"), name + ": cpu limit");
                assertEquals(
                        Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem(), name + ": read-only root");
                assertEquals(
                        Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), name + ": no escalation");
                for (EnvVar e : c.getEnv()) {
                    assertFalse(
                            SECRET_NAME.matcher(e.getName()).matches() && e.getValue() != null,
                            name + ": " + e.getName() + " is written into the manifest instead of read from a Secret");
                }
            }
        }
        assertTrue(
                docs.stream().noneMatch(d -> "Secret".equals(d.path("kind").asText())),
                "a Secret is committed with its values");
    }

    private static void assertProbe(String service, Probe probe, String path) {
        assertNotNull(probe, service + ": no probe for " + path);
        assertEquals(path, probe.getHttpGet().getPath(), service + ": probe path");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"test", "prod"})
    void shouldAgreeWithTheServicesOnImagesPortsAndSettings(String overlay) throws Exception {
        List<JsonNode> docs = render(overlay);
        Map<String, Map<String, String>> configMaps = new HashMap<>();
        ofKind(docs, "ConfigMap", ConfigMap.class)
                .forEach(m -> configMaps.put(m.getMetadata().getName(), m.getData()));
        for (Map.Entry<String, Integer> s : SERVICES.entrySet()) {
            Container c = deployment(docs, s.getKey())
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0);
            assertTrue(c.getImage().contains("dna-" + s.getKey() + ":"), s.getKey() + ": image " + c.getImage());
            assertEquals(s.getValue(), c.getPorts().get(0).getContainerPort(), s.getKey() + ": container port");
            Service service = ofKind(docs, "Service", Service.class).stream()
                    .filter(v -> v.getMetadata().getName().equals(s.getKey()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no Service " + s.getKey()));
            assertEquals(s.getValue(), service.getSpec().getPorts().get(0).getPort(), s.getKey() + ": service port");

            Set<String> given = new TreeSet<>();
            c.getEnv().forEach(e -> given.add(e.getName()));
            for (EnvFromSource from : c.getEnvFrom()) {
                Map<String, String> data = configMaps.get(from.getConfigMapRef().getName());
                assertNotNull(
                        data,
                        s.getKey() + ": no ConfigMap " + from.getConfigMapRef().getName());
                given.addAll(data.keySet());
            }
            Set<String> missing = requiredBy(s.getKey());
            missing.removeAll(given);
            assertEquals(Set.of(), missing, s.getKey() + ": variables it needs, not set in the manifest");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"test", "prod"})
    void shouldHaveATopicForEveryTopicTheCodeUsesWithItsPartitions(String overlay) throws Exception {
        Map<String, Integer> topics = new HashMap<>();
        render(overlay).stream()
                .filter(d -> "KafkaTopic".equals(d.path("kind").asText()))
                .forEach(d -> topics.put(
                        d.path("metadata").path("name").asText(),
                        d.path("spec").path("partitions").asInt()));
        // What the code uses and the partitions it expects: the local stack's list, without the test topics.
        for (String line : Files.readAllLines(REPO.resolve("deploy/local/topics.txt"))) {
            String[] topic = line.trim().split("\\s+");
            if (topic.length < 2 || topic[0].startsWith("test.") || topic[0].startsWith("#")) {
                continue;
            }
            assertEquals(Integer.valueOf(topic[1]), topics.get(topic[0]), "KafkaTopic " + topic[0] + " partitions");
        }
        assertEquals(
                Set.of(
                        org.iom.dna.events.Topics.SAMPLING_REQUESTS,
                        org.iom.dna.events.Topics.SLOTS,
                        org.iom.dna.events.Topics.APPOINTMENTS,
                        org.iom.dna.events.Topics.DELIVERIES),
                topics.keySet());
    }
}
