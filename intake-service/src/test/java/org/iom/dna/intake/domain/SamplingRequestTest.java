package org.iom.dna.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which statuses fix a case against amendment and cancellation by the IND. */
class SamplingRequestTest {

    private static SamplingRequest inStatus(RequestStatus status) {
        SamplingRequest request = new SamplingRequest();
        request.status = status;
        return request;
    }

    @ParameterizedTest
    @EnumSource(
            value = RequestStatus.class,
            names = {"PARTIALLY_SAMPLED", "SAMPLED", "CANCELLED", "EXPIRED"})
    void shouldBeFixedOnceSampledOrClosed(RequestStatus status) {
        assertThat(inStatus(status).isFixed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = RequestStatus.class,
            names = {"RECEIVED", "WAITLISTED", "SCHEDULED", "UNREACHABLE"})
    void shouldStayOpenToChangesBeforeAnyoneIsSampled(RequestStatus status) {
        assertThat(inStatus(status).isFixed()).isFalse();
    }

    @Test
    void shouldNotRecordAnythingWhenMovedToTheStatusItIsAlreadyIn() {
        // No persistence context here: a recorded step would fail, so returning quietly is the no-op.
        SamplingRequest request = inStatus(RequestStatus.WAITLISTED);

        request.transitionTo(RequestStatus.WAITLISTED, "again");

        assertThat(request.status).isEqualTo(RequestStatus.WAITLISTED);
        assertThat(request.updatedAt).isNull();
    }
}
