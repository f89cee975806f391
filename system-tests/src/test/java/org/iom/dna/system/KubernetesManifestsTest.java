package org.iom.dna.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The Kubernetes manifests as each overlay renders them (kubectl kustomize), read into the Fabric8 model: every
 * Deployment is probed, bounded and locked down and holds no secret value; each service's image, port and health
 * paths agree with the service; every variable a service must be given is set; every topic the code uses exists as
 * a KafkaTopic with the partitions the code expects. Runs without a cluster; skipped where kubectl is missing.
 */
class KubernetesManifestsTest {

    private static final Path REPO = Deployables.REPO;
    /** The services and the staff console: each has its Deployment and Service, written by its build. */
    private static final Map<String, Integer> SERVICES = Deployables.DEPLOYED;

    private static final Pattern SECRET_NAME = Deployables.SECRET_NAME;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper MODEL = Deployables.MODEL;

    private static List<JsonNode> render(String overlay) throws IOException, InterruptedException {
        return renderKustomization(REPO.resolve("deploy/kubernetes/overlays/" + overlay));
    }

    private static List<JsonNode> renderKustomization(Path dir) throws IOException, InterruptedException {
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
        return documents(out);
    }

    /** The YAML documents of a multi-document text, empty ones left out. */
    private static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> {
                if (d != null && !d.isEmpty()) {
                    docs.add(d);
                }
            });
        }
        return docs;
    }

    private static <T> List<T> ofKind(List<JsonNode> docs, String kind, Class<T> model) {
        return kind(docs, kind).stream().map(d -> MODEL.convertValue(d, model)).toList();
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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"test", "prod"})
    void shouldGiveTheSchedulerRoomInTmpForTheNativeSolvers(String overlay) throws Exception {
        // OR-Tools unpacks about 70 MB of native libraries into /tmp at the first re-planning run; an emptyDir
        // over its size limit gets the pod evicted.
        Deployment scheduling = ofKind(render(overlay), "Deployment", Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals("scheduling-service"))
                .findFirst()
                .orElseThrow();
        var tmp = scheduling.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getEmptyDir() != null)
                .findFirst()
                .orElseThrow();
        assertTrue(
                tmp.getEmptyDir().getSizeLimit().getNumericalAmount().longValue() >= 128L * 1024 * 1024,
                "scheduling-service's /tmp: " + tmp.getEmptyDir().getSizeLimit());
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
            Set<String> missing = Deployables.requiredBy(s.getKey());
            missing.removeAll(given);
            assertEquals(Set.of(), missing, s.getKey() + ": variables it needs, not set in the manifest");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"test", "prod"})
    void shouldHaveATopicForEveryTopicTheCodeUsesWithItsPartitions(String overlay) throws Exception {
        Map<String, Integer> topics = new HashMap<>();
        kind(render(overlay), "KafkaTopic")
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

    @Test
    void shouldImportTheDevelopmentRealmWithoutItsPeopleOrSecretValues() throws Exception {
        // Applied apart, in Keycloak's namespace: the import must live beside the Keycloak resource it names.
        List<JsonNode> docs = renderKustomization(REPO.resolve("deploy/kubernetes/keycloak"));
        List<JsonNode> imports = kind(docs, "KeycloakRealmImport");
        assertEquals(1, imports.size(), "KeycloakRealmImport resources");
        for (String overlay : List.of("test", "prod")) {
            assertEquals(List.of(), kind(render(overlay), "KeycloakRealmImport"), overlay + ": the realm import");
        }
        JsonNode spec = imports.get(0).path("spec");
        assertFalse(spec.path("keycloakCRName").asText().isBlank(), "the Keycloak resource it imports into");
        RealmRepresentation realm = MODEL.convertValue(spec.path("realm"), RealmRepresentation.class);
        RealmRepresentation development = Deployables.developmentRealm();

        assertEquals(development.getRealm(), realm.getRealm());
        assertEquals(roles(development), roles(realm), "realm roles");
        assertEquals(development.getPasswordPolicy(), realm.getPasswordPolicy(), "password policy");
        assertEquals(development.isBruteForceProtected(), realm.isBruteForceProtected(), "brute-force protection");
        for (ClientRepresentation dev : development.getClients()) {
            ClientRepresentation prod = realm.getClients().stream()
                    .filter(c -> c.getClientId().equals(dev.getClientId()))
                    .findFirst()
                    .orElse(null);
            if (dev.getClientId().equals("dna-cli")) {
                assertEquals(null, prod, "dna-cli (password grant) is for development only");
                continue;
            }
            assertNotNull(prod, "client " + dev.getClientId());
            assertEquals(dev.isPublicClient(), prod.isPublicClient(), dev.getClientId() + ": public");
            assertEquals(dev.isServiceAccountsEnabled(), prod.isServiceAccountsEnabled(), dev.getClientId());
            assertEquals(dev.isDirectAccessGrantsEnabled(), prod.isDirectAccessGrantsEnabled(), dev.getClientId());
            assertEquals(dev.getDefaultClientScopes(), prod.getDefaultClientScopes(), dev.getClientId() + ": scopes");
            if (dev.getSecret() != null) {
                Matcher placeholder = PLACEHOLDER.matcher(prod.getSecret());
                assertTrue(placeholder.matches(), dev.getClientId() + ": secret written into the manifest");
                JsonNode from =
                        spec.path("placeholders").path(placeholder.group(1)).path("secret");
                assertEquals("dna-keycloak-clients", from.path("name").asText(), dev.getClientId() + ": secret");
                assertEquals(dev.getClientId(), from.path("key").asText(), dev.getClientId() + ": secret key");
            }
        }
        for (UserRepresentation user : realm.getUsers()) {
            assertTrue(
                    user.getUsername().startsWith("service-account-"), "a person in the realm: " + user.getUsername());
            assertTrue(
                    user.getCredentials() == null || user.getCredentials().isEmpty(),
                    user.getUsername() + " has credentials");
        }
    }

    private static Set<String> roles(RealmRepresentation realm) {
        Set<String> names = new TreeSet<>();
        realm.getRoles().getRealm().forEach(r -> names.add(r.getName()));
        return names;
    }

    @Test
    void shouldHoldWhatEachServicesBuildWritesForItsDeploymentAndService() throws IOException {
        int compared = 0;
        for (String service : SERVICES.keySet()) {
            Path built = REPO.resolve(service + "/target/kubernetes/kubernetes.yml");
            if (!Files.isRegularFile(built)) {
                continue;
            }
            // Compared as YAML trees: Quarkus does not keep the order of labels from one build to the next.
            List<JsonNode> written = documents(Files.readString(built));
            List<JsonNode> copied =
                    documents(Files.readString(REPO.resolve("deploy/kubernetes/base/" + service + ".yaml")));
            assertTrue(
                    written.equals(copied.subList(0, Math.min(written.size(), copied.size()))),
                    "deploy/kubernetes/base/" + service + ".yaml differs from what the build writes (" + built
                            + "): run python3 deploy/kubernetes/generate-services.py");
            compared++;
        }
        Assumptions.assumeTrue(compared > 0, "no service is built here: nothing to compare");
    }

    @Test
    void shouldArchiveAndBackUpEveryDatabaseInProduction() throws Exception {
        List<JsonNode> docs = render("prod");
        Set<String> stores = new TreeSet<>();
        for (JsonNode store : kind(docs, "ObjectStore")) {
            stores.add(store.path("metadata").path("name").asText());
            JsonNode credentials = store.path("spec").path("configuration").path("s3Credentials");
            for (String key : List.of("accessKeyId", "secretAccessKey")) {
                assertTrue(
                        credentials.path(key).has("name")
                                && credentials.path(key).has("key"),
                        "object store credential " + key + " not read from a Secret");
            }
        }
        Set<String> clusters = new TreeSet<>();
        for (JsonNode cluster : kind(docs, "Cluster")) {
            String name = cluster.path("metadata").path("name").asText();
            clusters.add(name);
            boolean archived = false;
            for (JsonNode plugin : cluster.path("spec").path("plugins")) {
                archived |= plugin.path("isWALArchiver").asBoolean()
                        && stores.contains(plugin.path("parameters")
                                .path("barmanObjectName")
                                .asText());
            }
            assertTrue(archived, name + ": no WAL archiving to a declared object store");
        }
        assertEquals(4, clusters.size(), "database clusters");
        Set<String> backedUp = new TreeSet<>();
        kind(docs, "ScheduledBackup")
                .forEach(b ->
                        backedUp.add(b.path("spec").path("cluster").path("name").asText()));
        assertEquals(clusters, backedUp, "clusters with a scheduled base backup");
    }

    private static List<JsonNode> kind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }
}
