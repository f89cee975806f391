package org.iom.dna.scheduling.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.bookByHand;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.handBooking;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.slotToday;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.today;
import static org.iom.dna.scheduling.lifecycle.AppointmentDay.uniqueCountry;
import static org.iom.dna.scheduling.testdata.Events.adult;
import static org.iom.dna.scheduling.testdata.Events.family;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.scheduling.service.SchedulingMetrics;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.junit.jupiter.api.Test;

/** Operators see bookings and the waitlist per country in Prometheus. */
@QuarkusTest
class SchedulingMetricsTest {

    @Inject
    SchedulingState scheduling;

    @Inject
    SchedulingMetrics metrics;

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void shouldCountABookingUnderItsCountry() {
        String country = uniqueCountry();
        String centre = AppointmentDay.uniqueCentre();
        SamplingRequestReceivedV1 family =
                family(country).members(adult("P-ONE", country)).build();
        scheduling.receive(List.of(slotToday(centre, country, 13, 1)), List.of(family));

        bookByHand("officer", family.requestId(), handBooking(centre, today())).statusCode(200);

        assertThat(scrape()).contains("dna_bookings_total{country=\"" + country + "\",kind=\"first\"} 1.0");
    }

    @Test
    void shouldShowTheFamiliesWaitingInEachCountry() {
        String country = uniqueCountry();
        // No slot in this country: both families wait.
        SamplingRequestReceivedV1 first =
                family(country).members(adult("P-A", country)).build();
        SamplingRequestReceivedV1 second =
                family(country).members(adult("P-B", country)).build();
        scheduling.receive(first, second);
        scheduling.awaitWaitlisted(first.requestId());
        scheduling.awaitWaitlisted(second.requestId());

        metrics.refresh();

        assertThat(scrape()).contains("dna_waitlist_families{country=\"" + country + "\"} 2.0");
    }
}
