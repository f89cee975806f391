package org.iom.dna.optimiser.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iom.dna.optimiser.Fixtures.allowedOnly;
import static org.iom.dna.optimiser.Fixtures.at;
import static org.iom.dna.optimiser.Fixtures.centre;
import static org.iom.dna.optimiser.Fixtures.family;
import static org.iom.dna.optimiser.Fixtures.instance;
import static org.iom.dna.optimiser.Fixtures.needingInterpreter;
import static org.iom.dna.optimiser.Fixtures.plan;

import java.util.List;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.model.Priority;
import org.iom.dna.optimiser.model.Solution;
import org.junit.jupiter.api.Test;

class HardRulesTest {

    /** ET-ADD takes 3 persons on days 0–2; F1 (2 members) may come on days 1–2, F2 (2 members) on days 0–2. */
    private static final Instance INSTANCE = instance(
            3,
            List.of(centre("ET-ADD", 3, 3, 3), centre("TR-IST", "TR", List.of("tr", "ar", "fa"), 9, 9, 9)),
            List.of(family("F1", Priority.STANDARD, 2, 1, 2), family("F2", Priority.URGENT, 2, 0, 2)));

    private static List<Violation.Kind> kinds(Instance instance, Solution solution) {
        return HardRules.check(instance, solution).stream().map(Violation::kind).toList();
    }

    @Test
    void shouldAcceptAPlanThatKeepsEveryRule() {
        assertThat(HardRules.check(INSTANCE, plan(at("F1", "ET-ADD", 1), at("F2", "ET-ADD", 2))))
                .isEmpty();
    }

    @Test
    void shouldAcceptLeavingFamiliesUnscheduled() {
        assertThat(HardRules.check(INSTANCE, plan())).isEmpty();
    }

    @Test
    void shouldFlagAFamilyAssignedTwice() {
        assertThat(kinds(INSTANCE, plan(at("F1", "ET-ADD", 1), at("F1", "ET-ADD", 2))))
                .containsExactly(Violation.Kind.ASSIGNED_TWICE);
    }

    @Test
    void shouldFlagAnUnknownFamily() {
        assertThat(kinds(INSTANCE, plan(at("F9", "ET-ADD", 1)))).containsExactly(Violation.Kind.UNKNOWN_FAMILY);
    }

    @Test
    void shouldFlagAnUnknownCentre() {
        assertThat(kinds(INSTANCE, plan(at("F1", "ET-XXX", 1)))).containsExactly(Violation.Kind.UNKNOWN_CENTRE);
    }

    @Test
    void shouldFlagACentreInAnotherCountry() {
        assertThat(kinds(INSTANCE, plan(at("F1", "TR-IST", 1)))).containsExactly(Violation.Kind.OTHER_COUNTRY);
    }

    @Test
    void shouldFlagADayBeforeTheEarliestDay() {
        assertThat(kinds(INSTANCE, plan(at("F1", "ET-ADD", 0)))).containsExactly(Violation.Kind.BEFORE_EARLIEST_DAY);
    }

    @Test
    void shouldFlagADayAfterTheDeadline() {
        Instance later =
                instance(4, List.of(centre("ET-ADD", 3, 3, 3, 3)), List.of(family("F1", Priority.STANDARD, 2, 1, 2)));

        assertThat(kinds(later, plan(at("F1", "ET-ADD", 3)))).containsExactly(Violation.Kind.AFTER_DEADLINE);
    }

    @Test
    void shouldFlagACentreDayOverCapacity() {
        assertThat(kinds(INSTANCE, plan(at("F1", "ET-ADD", 2), at("F2", "ET-ADD", 2))))
                .containsExactly(Violation.Kind.OVER_CAPACITY);
    }

    @Test
    void shouldFlagADayTheCentreIsClosed() {
        Instance closed =
                instance(3, List.of(centre("ET-ADD", 3, 0, 3)), List.of(family("F1", Priority.STANDARD, 2, 1, 2)));

        assertThat(kinds(closed, plan(at("F1", "ET-ADD", 1)))).containsExactly(Violation.Kind.OVER_CAPACITY);
    }

    @Test
    void shouldFlagACentreWithoutTheFamilysInterpreter() {
        Instance somali = instance(
                3,
                List.of(centre("ET-SHI", 3, 3, 3)),
                List.of(needingInterpreter(family("F1", Priority.STANDARD, 2, 1, 2), "so")));

        assertThat(kinds(somali, plan(at("F1", "ET-SHI", 1)))).containsExactly(Violation.Kind.NO_INTERPRETER);
    }

    @Test
    void shouldMatchInterpretersByPrimaryLanguageSubtag() {
        Instance dari = instance(
                3,
                List.of(centre("IR-THR", "ET", List.of("fa", "ps"), 3, 3, 3)),
                List.of(needingInterpreter(family("F1", Priority.STANDARD, 2, 1, 2), "fa-AF")));

        assertThat(HardRules.check(dari, plan(at("F1", "IR-THR", 1)))).isEmpty();
    }

    @Test
    void shouldFlagASolutionForAnotherInstance() {
        assertThat(kinds(INSTANCE, new Solution("other", List.of()))).containsExactly(Violation.Kind.OTHER_INSTANCE);
    }

    @Test
    void shouldReportEveryBrokenRuleNotOnlyTheFirst() {
        assertThat(kinds(INSTANCE, plan(at("F1", "ET-ADD", 0), at("F9", "ET-ADD", 0))))
                .containsExactlyInAnyOrder(Violation.Kind.BEFORE_EARLIEST_DAY, Violation.Kind.UNKNOWN_FAMILY);
    }

    @Test
    void shouldFlagACentreDayTheFamilyIsNotAllowed() {
        Instance restricted = instance(
                2,
                List.of(centre("ET-ADD", 4, 4)),
                List.of(allowedOnly(family("F", Priority.STANDARD, 2, 0, 1), "ET-ADD", 1)));

        assertThat(kinds(restricted, plan(at("F", "ET-ADD", 0)))).containsExactly(Violation.Kind.NOT_ALLOWED);
        assertThat(kinds(restricted, plan(at("F", "ET-ADD", 1)))).isEmpty();
    }
}
