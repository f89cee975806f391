package org.iom.dna.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the domain's refusals carry to the problem-details mappers. */
class DomainExceptionTest {

    @Test
    void shouldCarryNoStackTraceWhenItIsAnAnswerToAClient() {
        assertThat(new NotFound("centre ET-ADD").getStackTrace()).isEmpty();
    }

    @Test
    void shouldSayWhatWasNotFound() {
        assertThat(new NotFound("centre ET-ADD")).hasMessage("centre ET-ADD does not exist");
    }

    @Test
    void shouldCountTheViolationsInTheMessage() {
        InvalidRequest invalid = new InvalidRequest(
                List.of(new Violation("$.deadline", "is in the past"), new Violation("$.members", "is empty")));

        assertThat(invalid).hasMessage("2 field(s) are not valid");
    }

    @Test
    void shouldKeepItsViolationsWhenTheCallersListChangesAfterwards() {
        List<Violation> violations = new ArrayList<>(List.of(new Violation("$.deadline", "is in the past")));
        InvalidRequest invalid = new InvalidRequest(violations);

        violations.add(new Violation("$.members", "is empty"));

        assertThat(invalid.violations()).containsExactly(new Violation("$.deadline", "is in the past"));
    }

    @Test
    void shouldMakeOneViolationFromAPathAndAMessage() {
        assertThat(InvalidRequest.of("requestId", "must be given").violations())
                .containsExactly(new Violation("requestId", "must be given"));
    }

    @Test
    void shouldTellAStaleVersionFromAMissingOne() {
        assertThat(PreconditionFailed.stale("Changed meanwhile", "version 3 is not current")
                        .missing())
                .isFalse();
        assertThat(PreconditionFailed.versionRequired("send If-Match").missing())
                .isTrue();
    }
}
