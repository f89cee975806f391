package org.iom.dna.console.api;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/** The four services by name, for what they all offer alike (dead letters) and for naming one that is down. */
@ApplicationScoped
public class Services {

    public static final List<String> NAMES =
            List.of("intake-service", "scheduling-service", "mhac-registry-service", "notification-service");

    private final Map<String, OperationsApi> operations = new LinkedHashMap<>();

    private static String url(String service) {
        String key = switch (service) {
            case "intake-service" -> "intake";
            case "scheduling-service" -> "scheduling";
            case "mhac-registry-service" -> "registry";
            case "notification-service" -> "notification";
            default -> throw new IllegalArgumentException("no such service: " + service);
        };
        return ConfigProvider.getConfig().getValue("quarkus.rest-client." + key + ".url", String.class);
    }

    public synchronized OperationsApi operations(String service) {
        return operations.computeIfAbsent(
                service,
                s -> QuarkusRestClientBuilder.newBuilder()
                        .baseUri(URI.create(url(s)))
                        .register(ProblemReader.class)
                        .build(OperationsApi.class));
    }

    /** The service a failed call was addressed to, from the address in its message. */
    public static Optional<String> named(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (String service : NAMES) {
                URI uri = URI.create(url(service));
                if (message.contains(uri.getHost() + ":" + uri.getPort()) || message.contains(uri.toString())) {
                    return Optional.of(service);
                }
            }
        }
        return Optional.empty();
    }
}
