package org.iom.dna.optimiser.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iom.dna.optimiser.Fixtures.TIGHT_DAY;
import static org.iom.dna.optimiser.Fixtures.allowedOnly;
import static org.iom.dna.optimiser.Fixtures.at;
import static org.iom.dna.optimiser.Fixtures.centre;
import static org.iom.dna.optimiser.Fixtures.family;
import static org.iom.dna.optimiser.Fixtures.instance;
import static org.iom.dna.optimiser.Fixtures.plan;

import java.time.Duration;
import java.util.List;
import org.iom.dna.optimiser.model.Family;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.model.Priority;
import org.iom.dna.optimiser.rules.HardRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MipSolverTest {

    private static final SolveOptions OPTIONS = new SolveOptions(Duration.ofSeconds(20), 1, false);

    @Test
    void shouldLeaveTheSmallFamiliesOutWhenBookingGreedily() {
        SolveResult greedy = SequentialBooker.greedy().solve(TIGHT_DAY, OPTIONS);

        assertThat(greedy.objective()).isEqualTo(4_000);
    }

    @Test
    void shouldFindTheProvenOptimumWhereGreedyFails() {
        SolveResult mip = new MipSolver().solve(TIGHT_DAY, OPTIONS);

        assertThat(mip.objective()).isEqualTo(6);
        assertThat(mip.optimal()).isTrue();
        assertThat(mip.bound()).hasValue(6);
    }

    @Test
    void shouldSeeTheUrgentFamilyOnTheSecondDay() {
        SolveResult mip = new MipSolver().solve(TIGHT_DAY, OPTIONS);

        assertThat(mip.solution().assignments())
                .containsExactlyInAnyOrder(
                        at("STANDARD-1", "ET-ADD", 0), at("STANDARD-2", "ET-ADD", 0), at("URGENT", "ET-ADD", 1));
    }

    @ParameterizedTest
    @EnumSource(MipSolver.Engine.class)
    void shouldFindTheSameOptimumWithEveryEngine(MipSolver.Engine engine) {
        SolveResult mip = new MipSolver(engine).solve(TIGHT_DAY, OPTIONS);

        assertThat(mip.objective()).isEqualTo(6);
        assertThat(HardRules.check(TIGHT_DAY, mip.solution())).isEmpty();
    }

    @Test
    void shouldNeverReturnAPlanWorseThanItsWarmStart() {
        SolveResult mip = new MipSolver()
                .solve(
                        TIGHT_DAY,
                        OPTIONS,
                        plan(at("STANDARD-1", "ET-ADD", 0), at("STANDARD-2", "ET-ADD", 0), at("URGENT", "ET-ADD", 1)));

        assertThat(mip.objective()).isEqualTo(6);
    }

    @Test
    void shouldIgnoreWarmStartAssignmentsThatBreakARule() {
        SolveResult mip = new MipSolver()
                .solve(TIGHT_DAY, OPTIONS, plan(at("URGENT", "ET-ADD", 0), at("STANDARD-1", "ET-ADD", 0)));

        assertThat(HardRules.check(TIGHT_DAY, mip.solution())).isEmpty();
    }

    @Test
    void shouldSolveEachCountryOnItsOwn() {
        Instance twoCountries = instance(
                2,
                List.of(centre("ET-ADD", 4, 4), centre("TR-IST", "TR", List.of("tr"), 2, 0)),
                List.of(
                        family("URGENT", Priority.URGENT, 3, 0, 1),
                        family("STANDARD-1", Priority.STANDARD, 2, 0, 0),
                        family("STANDARD-2", Priority.STANDARD, 2, 0, 0),
                        turkish(family("TR-1", Priority.MEDICAL, 2, 0, 1))));

        SolveResult mip = new MipSolver().solve(twoCountries, OPTIONS);

        assertThat(mip.objective()).isEqualTo(6);
        assertThat(mip.solution().assignments()).contains(at("TR-1", "TR-IST", 0));
    }

    private static Family turkish(Family f) {
        return new Family(
                f.id(),
                "TR",
                f.priority(),
                f.receivedDay(),
                f.earliestDay(),
                f.deadline(),
                null,
                "tr",
                false,
                f.members());
    }

    @Test
    void shouldOnlyChooseAmongTheCentreDaysAFamilyIsAllowed() {
        // TIGHT_DAY's optimum puts the urgent family on day 1; allowed only day 0 (say, the interpreter's day),
        // the best plan sees it on day 0 and leaves both standard families out (2 × 2 members × 1,000), which costs
        // less than leaving the urgent family out (3 members × 2 × 1,000).
        Instance restricted = instance(
                2,
                List.of(centre("ET-ADD", 4, 4)),
                List.of(
                        allowedOnly(family("URGENT", Priority.URGENT, 3, 0, 1), "ET-ADD", 0),
                        family("STANDARD-1", Priority.STANDARD, 2, 0, 0),
                        family("STANDARD-2", Priority.STANDARD, 2, 0, 0)));

        SolveResult mip = new MipSolver().solve(restricted, OPTIONS);

        assertThat(mip.solution().assignments()).contains(at("URGENT", "ET-ADD", 0));
        assertThat(mip.objective()).isEqualTo(4_000);
        assertThat(HardRules.check(restricted, mip.solution())).isEmpty();
    }
}
