package org.iom.dna.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each consumer of this instance is doing: applying events, or retrying one through a transient
 * failure. Readiness shows it, so an operator sees a consumer held up by a database outage.
 */
@ApplicationScoped
public class ConsumerHealth {

    /** A consumer retrying one record since {@code since}. */
    public record Retrying(String record, Instant since, int attempts, String failure) {}

    private final Map<String, Retrying> retrying = new ConcurrentHashMap<>();

    void retrying(String consumer, String record, int attempt, Throwable failure) {
        retrying.compute(
                consumer,
                (name, current) -> new Retrying(
                        record,
                        current != null && current.record().equals(record) ? current.since() : Instant.now(),
                        attempt,
                        failure.getClass().getSimpleName()));
    }

    void recovered(String consumer) {
        retrying.remove(consumer);
    }

    /** Consumers currently retrying, by name. */
    public Map<String, Retrying> retrying() {
        return new TreeMap<>(retrying);
    }
}
