package org.iom.dna.optimiser.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iom.dna.optimiser.model.Family;
import org.iom.dna.optimiser.model.Instance;
import org.iom.dna.optimiser.model.Member;
import org.iom.dna.optimiser.model.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceGeneratorTest {

    private static final Instance MEDIUM = InstanceGenerator.generate(Size.MEDIUM, 0.85, 1);

    @Test
    void shouldGenerateTheSameInstanceForTheSameSeed() {
        assertThat(InstanceGenerator.generate(Size.REALISTIC, 0.85, 42))
                .isEqualTo(InstanceGenerator.generate(Size.REALISTIC, 0.85, 42));
    }

    @Test
    void shouldGenerateAnotherInstanceForAnotherSeed() {
        assertThat(InstanceGenerator.generate(Size.REALISTIC, 0.85, 42))
                .isNotEqualTo(InstanceGenerator.generate(Size.REALISTIC, 0.85, 43));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.80, 0.85, 0.95})
    void shouldHitItsTargetLoad(double load) {
        assertThat(InstanceGenerator.generate(Size.MEDIUM, load, 1).load()).isCloseTo(load, within(0.005));
    }

    @Test
    void shouldHitTheTargetLoadOfTheArrivalDaysOfAStream() {
        Instance stream = InstanceGenerator.stream(60, 0.9, 1);
        long capacity = stream.centres().stream()
                .flatMap(c -> c.capacity().entrySet().stream())
                .filter(e -> e.getKey().isBefore(stream.firstDay().plusDays(60)))
                .mapToLong(Map.Entry::getValue)
                .sum();

        assertThat((double) stream.members() / capacity).isCloseTo(0.9, within(0.005));
    }

    @Test
    void shouldGenerateAboutTenThousandMembersForMedium() {
        assertThat(MEDIUM.members()).isBetween(9_900, 10_100);
    }

    @Test
    void shouldKeepFamiliesBetweenOneAndEightMembers() {
        assertThat(MEDIUM.families()).allSatisfy(f -> assertThat(f.size()).isBetween(1, 8));
    }

    @Test
    void shouldAccompanyEveryMinorWithAnAdultOfTheFamilyUnlessUnaccompanied() {
        assertThat(MEDIUM.families())
                .filteredOn(f -> f.priority() != Priority.UNACCOMPANIED_MINOR)
                .allSatisfy(InstanceGeneratorTest::assertMinorsAccompanied);
    }

    @Test
    void shouldMakeUnaccompaniedMinorsMinors() {
        assertThat(MEDIUM.families())
                .filteredOn(f -> f.priority() == Priority.UNACCOMPANIED_MINOR)
                .flatMap(Family::members)
                .allSatisfy(m -> assertThat(m.minor()).isTrue());
    }

    @Test
    void shouldPutDeadlinesTwoToTwelveWeeksAfterTheRequest() {
        assertThat(MEDIUM.families())
                .allSatisfy(f -> assertThat(f.deadline())
                        .isBetween(f.receivedDay().plusWeeks(2), f.receivedDay().plusWeeks(12)));
    }

    @Test
    void shouldPutTheEarliestDayTwoOrFourteenDaysAfterTheRequest() {
        assertThat(MEDIUM.families())
                .allSatisfy(f -> assertThat(f.earliestDay())
                        .isIn(f.receivedDay().plusDays(2), f.receivedDay().plusDays(14)));
    }

    @Test
    void shouldMixPrioritiesAsTheIndDoes() {
        Map<Priority, Long> count =
                MEDIUM.families().stream().collect(Collectors.groupingBy(Family::priority, Collectors.counting()));
        double families = MEDIUM.families().size();

        assertThat(count.get(Priority.UNACCOMPANIED_MINOR) / families).isCloseTo(0.05, within(0.02));
        assertThat(count.get(Priority.STANDARD) / families).isCloseTo(0.65, within(0.03));
    }

    @Test
    void shouldOnlyAskForInterpretersSomeCentreOfTheCountryHas() {
        assertThat(MEDIUM.families())
                .filteredOn(Family::needsInterpreter)
                .allSatisfy(f -> assertThat(MEDIUM.centres()).anySatisfy(c -> {
                    assertThat(c.country()).isEqualTo(f.country());
                    assertThat(c.languages()).contains(f.language().split("-")[0]);
                }));
    }

    @Test
    void shouldUseTheRealCentreCodes() {
        assertThat(InstanceGenerator.generate(Size.LARGE, 0.95, 1).centres())
                .extracting(c -> c.code())
                .containsExactlyInAnyOrder(
                        "ET-ADD", "ET-SHI", "ET-JIJ", "IR-THR", "LB-BEY", "SD-KRT", "SD-PZU", "TR-IST", "TR-ANK");
    }

    private static void assertMinorsAccompanied(Family family) {
        Map<String, Member> byRef =
                family.members().stream().collect(Collectors.toMap(Member::ref, Function.identity()));
        Set<String> adults = family.members().stream()
                .filter(m -> !m.minor())
                .map(Member::ref)
                .collect(Collectors.toSet());
        assertThat(family.members())
                .filteredOn(Member::minor)
                .allSatisfy(m -> assertThat(adults).contains(m.accompaniedBy()));
        assertThat(byRef).hasSize(family.size());
    }
}
