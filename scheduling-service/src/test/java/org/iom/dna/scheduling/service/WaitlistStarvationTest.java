package org.iom.dna.scheduling.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iom.dna.scheduling.testdata.Events.daysAhead;
import static org.iom.dna.scheduling.testdata.Events.family;
import static org.iom.dna.scheduling.testdata.Events.slot;
import static org.iom.dna.scheduling.testdata.Events.uniqueCountry;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.iom.dna.events.AppointmentBookedV1;
import org.iom.dna.events.FamilyWaitlistedV1;
import org.iom.dna.events.Priority;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/**
 * A waitlist full of families that cannot be booked must not hide a new family that can: every new
 * family gets its first decision, however many higher-priority families wait in vain before it.
 */
@QuarkusTest
@TestProfile(WaitlistStarvationTest.SmallPasses.class)
class WaitlistStarvationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Three families per pass, so that four unbookable ones fill every pass. */
    public static class SmallPasses implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scheduling.waitlist.pass-size", "3");
        }
    }

    @Inject
    SchedulingState scheduling;

    @Test
    void shouldTryANewFamilyBehindAFullPassOfFamiliesThatCannotBeBooked() {
        String nowhere = uniqueCountry();
        try (TopicProbe appointments = TopicProbe.open(topic(Topics.APPOINTMENTS))) {
            List<String> unbookable = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                // Unaccompanied minors come first in the waitlist, but no centre of theirs has a slot.
                SamplingRequestReceivedV1 family =
                        family(nowhere).priority(Priority.UNACCOMPANIED_MINOR).build();
                unbookable.add(family.requestId().toString());
                publish(family);
            }
            for (String id : unbookable) {
                appointments.await(
                        r -> FamilyWaitlistedV1.TYPE.equals(TopicProbe.header(r, "ce_type")) && id.equals(r.key()),
                        WAIT);
            }

            SlotOpenedV1 slot = slot(uniqueCountry() + "-AAA", daysAhead(6, 9), 2);
            TopicProbe.publish(topic(Topics.SLOTS), slot.centreCode(), SlotOpenedV1.TYPE, scheduling.write(slot));
            SamplingRequestReceivedV1 newcomer = family(slot.country()).build();
            publish(newcomer);

            ConsumerRecord<String, String> decided = appointments.await(
                    r -> newcomer.requestId().toString().equals(r.key())
                            && !FamilyWaitlistedV1.TYPE.equals(TopicProbe.header(r, "ce_type")),
                    WAIT);
            assertThat(TopicProbe.header(decided, "ce_type")).isEqualTo(AppointmentBookedV1.TYPE);
        }
    }

    private static String topic(String name) {
        return ConfigProvider.getConfig()
                        .getOptionalValue("dna.topic-prefix", String.class)
                        .orElse("")
                + name;
    }

    private void publish(SamplingRequestReceivedV1 family) {
        TopicProbe.publish(
                topic(Topics.SAMPLING_REQUESTS),
                family.requestId().toString(),
                SamplingRequestReceivedV1.TYPE,
                scheduling.write(family));
    }
}
