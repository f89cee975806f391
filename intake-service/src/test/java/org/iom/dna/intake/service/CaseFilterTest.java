package org.iom.dna.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.time.LocalDate;
import org.iom.dna.events.Priority;
import org.iom.dna.intake.domain.RequestStatus;
import org.junit.jupiter.api.Test;

/** Each filter a country office sets narrows the query by exactly its own condition; none set lists all. */
class CaseFilterTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");
    private static final LocalDate BEFORE = LocalDate.of(2027, 1, 1);

    @Test
    void shouldMatchEveryCaseWithoutFilters() {
        CaseFilter.Query query = new CaseFilter(null, null, null, null, null, null).toQuery();

        assertThat(query.jpql()).isEqualTo("1 = 1");
        assertThat(query.parameters()).isEmpty();
    }

    @Test
    void shouldFilterByCountry() {
        CaseFilter.Query query = new CaseFilter("ET", null, null, null, null, null).toQuery();

        assertThat(query.jpql()).isEqualTo("country = :country");
        assertThat(query.parameters()).containsExactly(entry("country", "ET"));
    }

    @Test
    void shouldFilterByStatus() {
        CaseFilter.Query query = new CaseFilter(null, RequestStatus.WAITLISTED, null, null, null, null).toQuery();

        assertThat(query.jpql()).isEqualTo("status = :status");
        assertThat(query.parameters()).containsExactly(entry("status", RequestStatus.WAITLISTED));
    }

    @Test
    void shouldFilterByPriority() {
        CaseFilter.Query query = new CaseFilter(null, null, Priority.MEDICAL, null, null, null).toQuery();

        assertThat(query.jpql()).isEqualTo("priority = :priority");
        assertThat(query.parameters()).containsExactly(entry("priority", Priority.MEDICAL));
    }

    @Test
    void shouldKeepOnlyDeadlinesStrictlyBeforeTheGivenDay() {
        CaseFilter.Query query = new CaseFilter(null, null, null, BEFORE, null, null).toQuery();

        assertThat(query.jpql()).isEqualTo("deadline < :deadlineBefore");
        assertThat(query.parameters()).containsExactly(entry("deadlineBefore", BEFORE));
    }

    @Test
    void shouldIncludeCasesReceivedAtTheStartOfTheWindow() {
        CaseFilter.Query query = new CaseFilter(null, null, null, null, FROM, null).toQuery();

        assertThat(query.jpql()).isEqualTo("receivedAt >= :receivedFrom");
        assertThat(query.parameters()).containsExactly(entry("receivedFrom", FROM));
    }

    @Test
    void shouldExcludeCasesReceivedAtTheEndOfTheWindow() {
        CaseFilter.Query query = new CaseFilter(null, null, null, null, null, TO).toQuery();

        assertThat(query.jpql()).isEqualTo("receivedAt < :receivedTo");
        assertThat(query.parameters()).containsExactly(entry("receivedTo", TO));
    }

    @Test
    void shouldRequireEveryFilterGivenAtOnce() {
        CaseFilter.Query query =
                new CaseFilter("LB", RequestStatus.SCHEDULED, Priority.URGENT, BEFORE, FROM, TO).toQuery();

        assertThat(query.jpql())
                .isEqualTo(
                        "country = :country and status = :status and priority = :priority"
                                + " and deadline < :deadlineBefore and receivedAt >= :receivedFrom and receivedAt < :receivedTo");
        assertThat(query.parameters()).hasSize(6);
    }
}
