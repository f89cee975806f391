package org.iom.dna.system;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.representations.idm.RealmRepresentation;

/** What the deployment descriptions (Kubernetes, Compose) must agree with: the services as the code defines them. */
final class Deployables {

    static final Path REPO = Path.of(System.getProperty("dna.repo.dir", ".."));
    /** Each service and the port it listens on (its application.properties). */
    static final Map<String, Integer> SERVICES = Map.of(
            "intake-service", 8081,
            "scheduling-service", 8082,
            "mhac-registry-service", 8083,
            "notification-service", 8084);
    /** The staff console: a web application beside the services, with no database or topic of its own. */
    static final String CONSOLE = "staff-console";
    /** What runs from an image of ours: the services and the console, with their ports. */
    static final Map<String, Integer> DEPLOYED = Map.of(
            "intake-service",
            8081,
            "scheduling-service",
            8082,
            "mhac-registry-service",
            8083,
            "notification-service",
            8084,
            CONSOLE,
            8085);
    /** Settings that hold a secret: never written into a deployment description, always read from a secret store. */
    static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|KEYS?)$");
    /** Model classes ignore what they do not know (a CRD's fields, Compose extensions). */
    static final ObjectMapper MODEL = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Pattern REQUIRED_ENV = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    private Deployables() {}

    /**
     * Variables a service (or the console) must be given: read in its prod profile (or, for a service, by every
     * service) without a default.
     */
    static Set<String> requiredBy(String service) {
        Set<String> names = new TreeSet<>();
        List<Path> files =
                new ArrayList<>(List.of(REPO.resolve(service + "/src/main/resources/application.properties")));
        if (SERVICES.containsKey(service)) {
            files.add(REPO.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
        }
        for (Path file : files) {
            Matcher m = REQUIRED_ENV.matcher(read(file));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The realm the local suite imports, kept by hand: what the production realms are generated from. */
    static RealmRepresentation developmentRealm() {
        return readJson(REPO.resolve("deploy/keycloak/dna-realm.json"), RealmRepresentation.class);
    }

    /** A version the local stack downloads (deploy/local/downloads/pom.xml), e.g. {@code kafka.version}. */
    static String localStackVersion(String property) {
        Matcher m = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</")
                .matcher(read(REPO.resolve("deploy/local/downloads/pom.xml")));
        if (!m.find()) {
            throw new AssertionError("deploy/local/downloads/pom.xml names no " + property);
        }
        return m.group(1);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T readJson(Path file, Class<T> model) {
        try {
            return MODEL.readValue(file.toFile(), model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
