package org.iom.dna.scheduling.messaging;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * The consumers' incoming channels on the in-memory connector instead of Kafka: a test hands a
 * consumer the exact record it would get from the broker, without the broker.
 */
public class InMemoryMessaging implements QuarkusTestProfile {

    public static final String SAMPLING_REQUESTS = "sampling-requests";
    public static final String SLOTS = "slots";

    private static final AtomicLong OFFSETS = new AtomicLong();

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Channels.class));
    }

    public static class Channels implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return InMemoryConnector.switchIncomingChannelsToInMemory(SAMPLING_REQUESTS, SLOTS);
        }

        @Override
        public void stop() {
            InMemoryConnector.clear();
        }
    }

    /** A record as the Kafka connector delivers it: CloudEvents metadata in headers (binary mode), JSON value. */
    public static ConsumerRecord<String, String> record(
            String topic, String key, String type, String eventId, String payload) {
        RecordHeaders headers = new RecordHeaders();
        Map.of(
                        "ce_specversion",
                        "1.0",
                        "ce_id",
                        eventId,
                        "ce_type",
                        type,
                        "ce_source",
                        "/test",
                        "ce_time",
                        Instant.now().toString())
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return new ConsumerRecord<>(
                topic,
                0,
                OFFSETS.getAndIncrement(),
                ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE,
                -1,
                -1,
                key,
                payload,
                headers,
                Optional.empty());
    }
}
