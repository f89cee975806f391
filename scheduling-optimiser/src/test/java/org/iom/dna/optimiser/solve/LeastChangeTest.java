package org.iom.dna.optimiser.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iom.dna.optimiser.Fixtures.allowedOnly;
import static org.iom.dna.optimiser.Fixtures.at;
import static org.iom.dna.optimiser.Fixtures.centre;
import static org.iom.dna.optimiser.Fixtures.family;
import static org.iom.dna.optimiser.Fixtures.instance;
import static org.iom.dna.optimiser.Fixtures.plan;

import java.util.List;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.model.Priority;
import org.iom.dna.optimiser.model.Solution;
import org.iom.dna.optimiser.rules.HardRules;
import org.iom.dna.optimiser.rules.Objective;
import org.junit.jupiter.api.Test;

class LeastChangeTest {

    /** Three alike families (standard, 2 members, same earliest day) and a fourth of another priority. */
    private static final Instance ALIKE = instance(
            3,
            List.of(centre("ET-ADD", 4, 4, 2)),
            List.of(
                    family("A", Priority.STANDARD, 2, 0, 2),
                    family("B", Priority.STANDARD, 2, 0, 2),
                    family("C", Priority.STANDARD, 2, 0, 2),
                    family("U", Priority.URGENT, 2, 0, 2)));

    @Test
    void shouldGiveAlikeFamiliesBackTheDaysTheyHoldWhenThePlanOnlyExchangesThem() {
        Solution held = plan(at("A", "ET-ADD", 0), at("B", "ET-ADD", 1), at("U", "ET-ADD", 0));
        // The solver's plan: as good, but A and B exchanged, C on day 2.
        Solution solved = plan(at("A", "ET-ADD", 1), at("B", "ET-ADD", 0), at("C", "ET-ADD", 2), at("U", "ET-ADD", 0));

        Solution closest = LeastChange.closestTo(ALIKE, solved, held);

        assertThat(closest.assignments())
                .containsExactlyInAnyOrder(
                        at("A", "ET-ADD", 0), at("B", "ET-ADD", 1), at("C", "ET-ADD", 2), at("U", "ET-ADD", 0));
        assertThat(Objective.score(ALIKE, closest).objective())
                .isEqualTo(Objective.score(ALIKE, solved).objective());
        assertThat(HardRules.check(ALIKE, closest)).isEmpty();
    }

    @Test
    void shouldLeaveOutTheFamilyThatHeldNothingRatherThanOneThatHeldADay() {
        Solution held = plan(at("A", "ET-ADD", 2));
        // The plan leaves A out and sees C on A's day: the same cost either way.
        Solution solved = plan(at("C", "ET-ADD", 2));

        Solution closest = LeastChange.closestTo(ALIKE, solved, held);

        assertThat(closest.assignments()).containsExactly(at("A", "ET-ADD", 2));
    }

    @Test
    void shouldKeepThePlanWhereAnExchangeWouldGiveAFamilyADayItIsNotAllowed() {
        Instance restricted = instance(
                2,
                List.of(centre("ET-ADD", 4, 4)),
                List.of(
                        allowedOnly(family("A", Priority.STANDARD, 2, 0, 1), "ET-ADD", 0),
                        family("B", Priority.STANDARD, 2, 0, 1)));
        Solution held = plan(at("B", "ET-ADD", 0));
        Solution solved = plan(at("A", "ET-ADD", 0), at("B", "ET-ADD", 1));

        Solution closest = LeastChange.closestTo(restricted, solved, held);

        assertThat(closest.assignments()).containsExactlyInAnyOrder(at("A", "ET-ADD", 0), at("B", "ET-ADD", 1));
        assertThat(HardRules.check(restricted, closest)).isEmpty();
    }
}
