package org.iom.dna.optimiser.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.iom.dna.optimiser.generate.InstanceGenerator;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.model.Priority;
import org.iom.dna.optimiser.rules.HardRules;
import org.iom.dna.optimiser.solve.MipSolver;
import org.iom.dna.optimiser.solve.SolveOptions;
import org.junit.jupiter.api.Test;

class OnlineSimulationTest {

    private static final Instance STREAM = InstanceGenerator.stream(21, 0.95, 5);
    private static final OnlineSimulation.Settings SETTINGS =
            new OnlineSimulation.Settings(7, new SolveOptions(Duration.ofSeconds(10), 2, false));
    private static final OnlineSimulation.Run REOPTIMISED =
            OnlineSimulation.reoptimiseDaily(STREAM, SETTINGS, new MipSolver());

    @Test
    void shouldKeepEveryHardRuleWhenBookingAtArrival() {
        assertThat(HardRules.check(
                        STREAM, OnlineSimulation.bookAtArrival(STREAM).solution()))
                .isEmpty();
    }

    @Test
    void shouldKeepEveryHardRuleWhenReoptimisingDaily() {
        assertThat(HardRules.check(STREAM, REOPTIMISED.solution())).isEmpty();
    }

    @Test
    void shouldReoptimiseOnceADayWhileBookingsAreOpen() {
        assertThat(REOPTIMISED.reoptimisations()).isBetween(21, STREAM.days());
    }

    @Test
    void shouldNeverMoveAnUnaccompaniedMinor() {
        assertThat(REOPTIMISED.moved())
                .noneMatch(id -> STREAM.familiesById().get(id).priority() == Priority.UNACCOMPANIED_MINOR);
    }

    @Test
    void shouldMoveSomeTentativeBookingsAtThisLoad() {
        assertThat(REOPTIMISED.moved()).isNotEmpty();
    }
}
