package org.iom.dna.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.iom.dna.intake.testdata.Families;
import org.iom.dna.intake.testdata.IntakeApi;
import org.junit.jupiter.api.Test;

/** Each new case the IND submits is counted under its sampling country; a resend of the same case is not. */
@QuarkusTest
class RequestMetricsTest {

    @Inject
    IntakeApi api;

    @Inject
    MeterRegistry registry;

    private double received(String country) {
        Counter counter =
                registry.find("dna.requests.received").tag("country", country).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void shouldCountANewCaseOnceUnderItsCountry() {
        var submission = Families.motherAndSon();
        double before = received("ET");

        api.submit(submission).statusCode(201);
        api.submit(submission).statusCode(200);

        assertThat(received("ET")).isEqualTo(before + 1);
    }
}
