package org.iom.dna.optimiser.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iom.dna.optimiser.Fixtures.at;
import static org.iom.dna.optimiser.Fixtures.centre;
import static org.iom.dna.optimiser.Fixtures.family;
import static org.iom.dna.optimiser.Fixtures.instance;
import static org.iom.dna.optimiser.Fixtures.needingInterpreter;
import static org.iom.dna.optimiser.Fixtures.preferring;
import static org.iom.dna.optimiser.Fixtures.receivedOn;

import java.util.List;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.model.Priority;
import org.junit.jupiter.api.Test;

class SequentialBookerTest {

    /** One place on day 0, then room on day 1: the family booked first gets day 0. */
    private static final Instance ONE_PLACE_FIRST = instance(
            2,
            List.of(centre("ET-ADD", 1, 9)),
            List.of(
                    receivedOn(family("EARLY-STANDARD", Priority.STANDARD, 1, 0, 1), -5),
                    receivedOn(family("LATE-URGENT", Priority.URGENT, 1, 0, 1), -1)));

    @Test
    void shouldServeFirstComeFirstServedByArrival() {
        assertThat(SequentialBooker.firstComeFirstServed()
                        .book(Openings.of(ONE_PLACE_FIRST))
                        .assignments())
                .contains(at("EARLY-STANDARD", "ET-ADD", 0), at("LATE-URGENT", "ET-ADD", 1));
    }

    @Test
    void shouldServeGreedyByPriority() {
        assertThat(SequentialBooker.greedy().book(Openings.of(ONE_PLACE_FIRST)).assignments())
                .contains(at("LATE-URGENT", "ET-ADD", 0), at("EARLY-STANDARD", "ET-ADD", 1));
    }

    @Test
    void shouldTryThePreferredCentreFirstOnTheSameDay() {
        Instance twoCentres = instance(
                1,
                List.of(centre("ET-ADD", 9), centre("ET-SHI", 9)),
                List.of(preferring(family("F1", Priority.STANDARD, 2, 0, 0), "ET-SHI")));

        assertThat(SequentialBooker.greedy().book(Openings.of(twoCentres)).assignments())
                .containsExactly(at("F1", "ET-SHI", 0));
    }

    @Test
    void shouldPreferAnEarlierDayToThePreferredCentre() {
        Instance twoCentres = instance(
                2,
                List.of(centre("ET-ADD", 9, 9), centre("ET-SHI", 0, 9)),
                List.of(preferring(family("F1", Priority.STANDARD, 2, 0, 1), "ET-SHI")));

        assertThat(SequentialBooker.greedy().book(Openings.of(twoCentres)).assignments())
                .containsExactly(at("F1", "ET-ADD", 0));
    }

    @Test
    void shouldOnlyOfferCentresWithTheFamilysInterpreter() {
        Instance somali = instance(
                1,
                List.of(centre("ET-SHI", 9), centre("ET-JIJ", "ET", List.of("so", "am"), 9)),
                List.of(needingInterpreter(family("F1", Priority.STANDARD, 2, 0, 0), "so")));

        assertThat(SequentialBooker.greedy().book(Openings.of(somali)).assignments())
                .containsExactly(at("F1", "ET-JIJ", 0));
    }

    @Test
    void shouldKeepAWholeFamilyOutRatherThanSplitIt() {
        Instance small = instance(1, List.of(centre("ET-ADD", 2)), List.of(family("F1", Priority.STANDARD, 3, 0, 0)));

        assertThat(SequentialBooker.greedy().book(Openings.of(small)).assignments())
                .isEmpty();
    }
}
