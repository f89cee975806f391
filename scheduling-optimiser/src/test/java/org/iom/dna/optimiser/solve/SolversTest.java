package org.iom.dna.optimiser.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.iom.dna.optimiser.generate.InstanceGenerator;
import org.iom.dna.optimiser.generate.Size;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.rules.HardRules;
import org.iom.dna.optimiser.rules.Objective;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SolversTest {

    private static final Instance REALISTIC = InstanceGenerator.generate(Size.REALISTIC, 0.95, 7);
    private static final SolveOptions OPTIONS = new SolveOptions(Duration.ofSeconds(20), 2, false);

    static Iterable<String> solvers() {
        return Solvers.names();
    }

    @ParameterizedTest
    @MethodSource("solvers")
    void shouldKeepEveryHardRuleOnARealisticInstance(String name) {
        SolveResult result = Solvers.named(name).solve(REALISTIC, OPTIONS);

        assertThat(HardRules.check(REALISTIC, result.solution())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("solvers")
    void shouldReportTheObjectiveOfItsOwnSolution(String name) {
        SolveResult result = Solvers.named(name).solve(REALISTIC, OPTIONS);

        assertThat(result.objective())
                .isEqualTo(Objective.score(REALISTIC, result.solution()).objective());
    }

    @ParameterizedTest
    @MethodSource("solvers")
    void shouldNeverBeatTheMipsProvenOptimum(String name) {
        SolveResult mip = new MipSolver().solve(REALISTIC, OPTIONS);

        assertThat(Solvers.named(name).solve(REALISTIC, OPTIONS).objective())
                .isGreaterThanOrEqualTo(mip.bound().orElseThrow());
    }
}
