package org.iom.dna.intake.messaging;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.util.List;
import java.util.Map;

/**
 * The module's one extra profile: intake's consumers read from in-memory channels instead of Kafka,
 * so a test hands them exactly the records it means (redeliveries, broken records) and awaits the effect.
 */
public class InMemoryMessaging implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Channels.class));
    }

    public static class Channels implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            return InMemoryConnector.switchIncomingChannelsToInMemory("appointments", "deliveries", "slots");
        }

        @Override
        public void stop() {
            InMemoryConnector.clear();
        }
    }
}
