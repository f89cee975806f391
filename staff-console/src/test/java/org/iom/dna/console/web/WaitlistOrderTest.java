package org.iom.dna.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.iom.dna.console.api.SchedulingApi;
import org.junit.jupiter.api.Test;

class WaitlistOrderTest {

    private static SchedulingApi.Family family(String name, LocalDate deadline, Instant atRiskSince) {
        return new SchedulingApi.Family(
                UUID.nameUUIDFromBytes(name.getBytes()),
                "WAITING",
                "STANDARD",
                deadline,
                Instant.parse("2026-11-01T00:00:00Z"),
                "NO_OPEN_SLOT",
                atRiskSince,
                0,
                null);
    }

    @Test
    void shouldPutFamiliesWhoseDeadlineIsAtRiskFirstThenTheNearestDeadline() {
        SchedulingApi.Family late = family("late", LocalDate.of(2027, 3, 1), null);
        SchedulingApi.Family soon = family("soon", LocalDate.of(2027, 1, 5), null);
        SchedulingApi.Family atRisk =
                family("at-risk", LocalDate.of(2027, 2, 1), Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(List.of(late, soon, atRisk).stream()
                        .sorted(WaitlistPage.URGENCY)
                        .toList())
                .containsExactly(atRisk, soon, late);
    }
}
