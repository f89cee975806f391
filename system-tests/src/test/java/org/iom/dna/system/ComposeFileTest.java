package org.iom.dna.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose/compose.yaml, as Compose reads it (anchors and merge keys resolved), in a model of the parts of the
 * Compose Specification the suite relies on: each service runs its image on its port with a health check on its
 * readiness endpoint, locked down, after its infrastructure is ready, with every variable it needs and every secret
 * read from the operator's .env; the infrastructure runs the versions the local stack runs; the realm it imports is
 * the production one. No container engine is needed (nor run) for this.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Deployables.REPO.resolve("deploy/compose");
    /** A value Compose takes from the environment or .env and refuses to start without: ${NAME:?message}. */
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?[^}]+}");

    /** The Compose Specification's file, as far as the suite uses it. */
    record ComposeFile(Map<String, ComposeService> services) {}

    record ComposeService(
            String image,
            Map<String, String> environment,
            List<String> ports,
            List<String> volumes,
            Healthcheck healthcheck,
            @JsonProperty("depends_on") Map<String, DependsOn> dependsOn,
            @JsonProperty("read_only") Boolean readOnly,
            @JsonProperty("cap_drop") List<String> capDrop) {}

    record Healthcheck(List<String> test) {}

    record DependsOn(String condition) {}

    private static ComposeFile compose() {
        // SnakeYAML, as Compose itself: anchors, aliases and merge keys (<<) resolved before the model is read.
        Object yaml = new Yaml(new LoaderOptions()).load(Deployables.read(COMPOSE.resolve("compose.yaml")));
        return Deployables.MODEL.convertValue(yaml, ComposeFile.class);
    }

    private static ComposeService service(ComposeFile file, String name) {
        ComposeService service = file.services().get(name);
        assertNotNull(service, "compose.yaml has no service " + name);
        return service;
    }

    @Test
    void shouldRunEachServiceFromItsImageOnItsPortWithAHealthCheckLockedDown() {
        ComposeFile file = compose();
        for (Map.Entry<String, Integer> s : Deployables.SERVICES.entrySet()) {
            ComposeService service = service(file, s.getKey());
            int port = s.getValue();
            assertTrue(service.image().startsWith("iom/dna-" + s.getKey() + ":"), s.getKey() + ": " + service.image());
            assertTrue(service.ports().contains(port + ":" + port), s.getKey() + ": ports " + service.ports());
            assertTrue(
                    String.join(" ", service.healthcheck().test())
                            .contains("http://localhost:" + port + "/q/health/ready"),
                    s.getKey() + ": health check " + service.healthcheck().test());
            assertEquals(Boolean.TRUE, service.readOnly(), s.getKey() + ": read-only root filesystem");
            assertEquals(List.of("ALL"), service.capDrop(), s.getKey() + ": capabilities");
            assertEquals("service_healthy", service.dependsOn().get("postgres").condition(), s.getKey());
            assertEquals("service_healthy", service.dependsOn().get("keycloak").condition(), s.getKey());
            assertEquals(
                    "service_completed_successfully",
                    service.dependsOn().get("kafka-topics").condition(),
                    s.getKey() + ": starts once the topics exist");
        }
    }

    @Test
    void shouldRunTheStaffConsoleFromItsImageLockedDownOnceKeycloakIsUp() {
        ComposeService console = service(compose(), Deployables.CONSOLE);
        int port = Deployables.DEPLOYED.get(Deployables.CONSOLE);
        assertTrue(console.image().startsWith("iom/dna-staff-console:"), console.image());
        assertTrue(console.ports().contains(port + ":" + port), "ports " + console.ports());
        assertTrue(
                String.join(" ", console.healthcheck().test()).contains("http://localhost:" + port + "/q/health/ready"),
                "health check " + console.healthcheck().test());
        assertEquals(Boolean.TRUE, console.readOnly(), "read-only root filesystem");
        assertEquals(List.of("ALL"), console.capDrop(), "capabilities");
        assertEquals("service_healthy", console.dependsOn().get("keycloak").condition(), "signs staff in via Keycloak");
        Set<String> missing = Deployables.requiredBy(Deployables.CONSOLE);
        missing.removeAll(console.environment().keySet());
        assertEquals(Set.of(), missing, "variables the console needs, not set in compose.yaml");
    }

    @Test
    void shouldGiveEveryServiceEveryVariableItNeedsAndReadEverySecretFromTheEnvFile() {
        ComposeFile file = compose();
        for (String name : Deployables.SERVICES.keySet()) {
            Map<String, String> environment = service(file, name).environment();
            Set<String> missing = Deployables.requiredBy(name);
            missing.removeAll(environment.keySet());
            assertEquals(Set.of(), missing, name + ": variables it needs, not set in compose.yaml");
        }
        // Every container's secrets, the infrastructure's too (database and Keycloak passwords, client secrets).
        file.services().forEach((name, service) -> {
            if (service.environment() != null) {
                service.environment()
                        .forEach((variable, value) -> assertTrue(
                                !Deployables.SECRET_NAME.matcher(variable).matches()
                                        || REQUIRED.matcher(value).matches(),
                                name + ": " + variable + " must come from .env (${NAME:?...}), not be written here"));
            }
        });
    }

    @Test
    void shouldListEveryValueTheOperatorMustSetInTheEnvExample() {
        Set<String> required = new TreeSet<>();
        Matcher m = REQUIRED.matcher(Deployables.read(COMPOSE.resolve("compose.yaml")));
        while (m.find()) {
            required.add(m.group(1));
        }
        Set<String> listed = new TreeSet<>();
        for (String line : Deployables.read(COMPOSE.resolve(".env.example")).split("\n")) {
            if (line.matches("[A-Z][A-Z0-9_]*=.*")) {
                listed.add(line.substring(0, line.indexOf('=')));
            }
        }
        assertTrue(required.size() > 10, "required values: " + required);
        assertEquals(required, listed, ".env.example against the values compose.yaml requires");
    }

    @Test
    void shouldRunTheInfrastructureTheLocalStackRuns() {
        ComposeFile file = compose();
        assertEquals(
                "apache/kafka:" + Deployables.localStackVersion("kafka.version"),
                service(file, "kafka").image());
        assertEquals(
                "quay.io/keycloak/keycloak:" + Deployables.localStackVersion("keycloak.version"),
                service(file, "keycloak").image());
        assertEquals(
                "greenmail/standalone:" + Deployables.localStackVersion("greenmail.version"),
                service(file, "greenmail").image());
        assertTrue(service(file, "postgres").image().matches("postgres:\\d+"), "PostgreSQL pinned to a major");
        file.services()
                .forEach((name, service) -> assertTrue(
                        service.image().matches("[^:]+:.*\\d.*")
                                && !service.image().endsWith(":latest"),
                        name + ": image without a pinned version"));
        // What must outlive a container lives on a volume or in PostgreSQL: Kafka's log, Keycloak's realm and users.
        ComposeService kafka = service(file, "kafka");
        String logDirs = kafka.environment().get("KAFKA_LOG_DIRS");
        assertNotNull(logDirs, "Kafka would write its log to /tmp in the container");
        assertTrue(kafka.volumes().stream().anyMatch(v -> v.endsWith(":" + logDirs)), "Kafka's log on a volume");
        assertEquals("postgres", service(file, "keycloak").environment().get("KC_DB"), "Keycloak's database");
        // The topics are made from the list the local stack and the Kubernetes manifests are checked against.
        assertTrue(service(file, "kafka-topics").volumes().contains("../local/topics.txt:/topics.txt:ro"));
    }

    @Test
    void shouldImportTheProductionRealmWithEachClientSecretFromKeycloaksEnvironment() {
        RealmRepresentation realm =
                Deployables.readJson(COMPOSE.resolve("keycloak/dna-realm.json"), RealmRepresentation.class);
        ComposeService keycloakService = service(compose(), "keycloak");
        Map<String, String> keycloak = keycloakService.environment();
        assertTrue(
                keycloakService.volumes().stream().anyMatch(v -> v.startsWith("./keycloak/dna-realm.json:")),
                "Keycloak imports deploy/compose/keycloak/dna-realm.json");
        assertTrue(realm.getUsers().stream().allMatch(u -> u.getUsername().startsWith("service-account-")), "people");
        int secrets = 0;
        for (ClientRepresentation client : realm.getClients()) {
            if (client.getSecret() == null) {
                continue;
            }
            Matcher placeholder = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(client.getSecret());
            assertTrue(placeholder.matches(), client.getClientId() + ": a secret value in the realm file");
            String value = keycloak.get(placeholder.group(1));
            assertNotNull(value, "keycloak's environment lacks " + placeholder.group(1));
            assertTrue(REQUIRED.matcher(value).matches(), placeholder.group(1) + " must come from .env");
            secrets++;
        }
        assertEquals(
                Deployables.developmentRealm().getClients().stream()
                        .filter(c -> c.getSecret() != null)
                        .count(),
                secrets,
                "confidential clients");
    }
}
