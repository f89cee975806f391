package org.iom.dna.notification.messaging;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The module's one extra profile: the {@code appointments} channel reads from memory instead of Kafka, so
 * a test hands the consumer exactly the record it wants; and a delivery gives up after its first failed
 * attempt, so that giving up is tested without waiting for the real back-off.
 */
public class InMemoryAppointments implements QuarkusTestProfile {

    public static final String CHANNEL = "appointments";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("notification.max-attempts", "1");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Channels.class));
    }

    /** Switches the incoming channel to the in-memory connector for the profile's lifetime. */
    public static class Channels implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            return new HashMap<>(InMemoryConnector.switchIncomingChannelsToInMemory(CHANNEL));
        }

        @Override
        public void stop() {
            InMemoryConnector.clear();
        }
    }
}
