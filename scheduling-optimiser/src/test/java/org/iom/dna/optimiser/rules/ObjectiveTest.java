package org.iom.dna.optimiser.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iom.dna.optimiser.Fixtures.at;
import static org.iom.dna.optimiser.Fixtures.centre;
import static org.iom.dna.optimiser.Fixtures.family;
import static org.iom.dna.optimiser.Fixtures.instance;
import static org.iom.dna.optimiser.Fixtures.plan;

import java.util.List;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.model.Priority;
import org.junit.jupiter.api.Test;

class ObjectiveTest {

    /**
     * By hand: the unaccompanied minor (1 member, weight 8) seen on its earliest day costs 0; the standard family (3
     * members, weight 1) seen 2 days after its earliest day costs 3 × 1 × 2 = 6; the urgent family (2 members,
     * weight 2) seen 1 day late costs 2 × 2 × 1 = 4; the medical family (2 members, weight 4) left out costs 2 × 4 ×
     * 1,000 = 8,000. Objective 8,010.
     */
    private static final Instance INSTANCE = instance(
            4,
            List.of(centre("ET-ADD", 9, 9, 9, 9)),
            List.of(
                    family("UAM", Priority.UNACCOMPANIED_MINOR, 1, 0, 3),
                    family("STD", Priority.STANDARD, 3, 1, 3),
                    family("URG", Priority.URGENT, 2, 0, 3),
                    family("MED", Priority.MEDICAL, 2, 0, 3)));

    private static final Score SCORE =
            Objective.score(INSTANCE, plan(at("UAM", "ET-ADD", 0), at("STD", "ET-ADD", 3), at("URG", "ET-ADD", 1)));

    @Test
    void shouldAddUnscheduledAndWaitingCostsAsComputedByHand() {
        assertThat(SCORE.objective()).isEqualTo(8_010);
    }

    @Test
    void shouldSplitTheObjectiveIntoUnscheduledAndWaiting() {
        assertThat(SCORE.unscheduledCost()).isEqualTo(8_000);
        assertThat(SCORE.waitingCost()).isEqualTo(10);
    }

    @Test
    void shouldCountMembersAndFamiliesScheduled() {
        assertThat(SCORE.membersScheduled()).isEqualTo(6);
        assertThat(SCORE.members()).isEqualTo(8);
        assertThat(SCORE.familiesScheduled()).isEqualTo(3);
        assertThat(SCORE.families()).isEqualTo(4);
    }

    @Test
    void shouldWeighPrioritiesEightFourTwoOne() {
        assertThat(List.of(
                        Priority.UNACCOMPANIED_MINOR.weight(),
                        Priority.MEDICAL.weight(),
                        Priority.URGENT.weight(),
                        Priority.STANDARD.weight()))
                .containsExactly(8, 4, 2, 1);
    }

    @Test
    void shouldCostEveryoneUnscheduledWhenNothingIsPlanned() {
        assertThat(Objective.score(INSTANCE, plan()).objective()).isEqualTo((1 * 8 + 3 * 1 + 2 * 2 + 2 * 4) * 1_000L);
    }
}
