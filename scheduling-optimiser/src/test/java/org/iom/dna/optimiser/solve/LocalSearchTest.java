package org.iom.dna.optimiser.solve;

import static org.assertj.core.api.Assertions.assertThat;

import org.iom.dna.optimiser.generate.InstanceGenerator;
import org.iom.dna.optimiser.generate.Size;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.rules.HardRules;
import org.iom.dna.optimiser.rules.Objective;
import org.junit.jupiter.api.Test;

class LocalSearchTest {

    private static final Instance REALISTIC = InstanceGenerator.generate(Size.REALISTIC, 0.95, 3);
    private static final Openings OPENINGS = Openings.of(REALISTIC);
    private static final int[] GREEDY = SequentialBooker.greedy().choose(OPENINGS);

    private static int[] improved() {
        return LocalSearch.improve(OPENINGS, GREEDY, Long.MAX_VALUE);
    }

    @Test
    void shouldKeepEveryHardRule() {
        assertThat(HardRules.check(REALISTIC, OPENINGS.solution(improved()))).isEmpty();
    }

    @Test
    void shouldNeverMakeThePlanWorse() {
        long greedy = Objective.score(REALISTIC, OPENINGS.solution(GREEDY)).objective();

        assertThat(Objective.score(REALISTIC, OPENINGS.solution(improved())).objective())
                .isLessThanOrEqualTo(greedy);
    }
}
