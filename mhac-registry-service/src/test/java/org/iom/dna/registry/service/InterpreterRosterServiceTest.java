package org.iom.dna.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.iom.dna.events.InterpreterRosterChangedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.platform.domain.InvalidRequest;
import org.iom.dna.platform.domain.Violation;
import org.iom.dna.registry.support.Fixtures;
import org.junit.jupiter.api.Test;

/** Each change of a day's interpreters is announced once, keyed by its centre; a roster set again is not. */
@QuarkusTest
class InterpreterRosterServiceTest {

    private static final String ZONE = "Africa/Addis_Ababa";
    private static final String ACTOR = "staff-test";

    @Inject
    InterpreterRosterService rosters;

    @Inject
    Fixtures fixtures;

    /** An active centre of its own, and a day ahead there. */
    private record Subject(String code, LocalDate day) {}

    private Subject centre() {
        String code = fixtures.centre(ZONE, Fixtures.mondayToFriday());
        return new Subject(code, LocalDate.now(ZoneId.of(ZONE)).plusDays(10));
    }

    private List<InterpreterRosterChangedV1> events(Subject s) {
        return fixtures.events(s.code(), InterpreterRosterChangedV1.TYPE, InterpreterRosterChangedV1.class);
    }

    @Test
    void shouldAnnounceTheDaysRoster() {
        Subject s = centre();

        InterpreterRosterService.Roster roster = rosters.replace(s.code(), s.day(), List.of("ti", "so"), ACTOR);

        assertThat(events(s)).singleElement().satisfies(e -> {
            assertThat(e.centreCode()).isEqualTo(s.code());
            assertThat(e.country()).isEqualTo(s.code().substring(0, 2));
            assertThat(e.localDate()).isEqualTo(s.day());
            assertThat(e.languages()).containsExactly("so", "ti");
            assertThat(e.changedAt()).isEqualTo(roster.changedAt());
        });
    }

    @Test
    void shouldAnnounceTheRosterOnTheSlotsTopic() {
        Subject s = centre();

        rosters.replace(s.code(), s.day(), List.of("ti"), ACTOR);

        assertThat(fixtures.events(s.code()))
                .filteredOn(e -> e.type.equals(InterpreterRosterChangedV1.TYPE))
                .singleElement()
                .satisfies(e -> assertThat(e.topic).isEqualTo(Topics.SLOTS));
    }

    @Test
    void shouldAnnounceNothingWhenTheSameRosterIsSetAgain() {
        Subject s = centre();
        rosters.replace(s.code(), s.day(), List.of("ti", "so"), ACTOR);

        rosters.replace(s.code(), s.day(), List.of("ti", "so"), ACTOR);

        assertThat(events(s)).hasSize(1);
    }

    @Test
    void shouldAnnounceNothingWhenTheSameLanguagesComeInAnotherOrder() {
        Subject s = centre();
        rosters.replace(s.code(), s.day(), List.of("ti", "so"), ACTOR);

        rosters.replace(s.code(), s.day(), List.of("so", "ti", "so"), ACTOR);

        assertThat(events(s)).hasSize(1);
    }

    @Test
    void shouldKeepWhenTheRosterLastChangedWhenNothingChanges() {
        Subject s = centre();
        InterpreterRosterService.Roster first = rosters.replace(s.code(), s.day(), List.of("ti"), ACTOR);

        InterpreterRosterService.Roster again = rosters.replace(s.code(), s.day(), List.of("ti"), ACTOR);

        assertThat(again.changedAt()).isEqualTo(first.changedAt());
    }

    @Test
    void shouldAnnounceNothingForNoInterpretersOnADayThatHadNone() {
        Subject s = centre();

        rosters.replace(s.code(), s.day(), List.of(), ACTOR);

        assertThat(events(s)).isEmpty();
    }

    @Test
    void shouldAnnounceThatADaysInterpretersWereCalledOff() {
        Subject s = centre();
        rosters.replace(s.code(), s.day(), List.of("ti"), ACTOR);

        rosters.replace(s.code(), s.day(), List.of(), ACTOR);

        assertThat(events(s))
                .extracting(InterpreterRosterChangedV1::languages)
                .containsExactly(List.of("ti"), List.of());
    }

    @Test
    void shouldAnnounceEachDayOfItsOwn() {
        Subject s = centre();

        rosters.replace(s.code(), s.day(), List.of("ti"), ACTOR);
        rosters.replace(s.code(), s.day().plusDays(1), List.of("ti"), ACTOR);

        assertThat(events(s))
                .extracting(InterpreterRosterChangedV1::localDate)
                .containsExactly(s.day(), s.day().plusDays(1));
    }

    @Test
    void shouldAnnounceNothingForARefusedDay() {
        Subject s = centre();
        LocalDate yesterday = LocalDate.now(ZoneId.of(ZONE)).minusDays(1);

        assertThatThrownBy(() -> rosters.replace(s.code(), yesterday, List.of("ti"), ACTOR))
                .isInstanceOfSatisfying(
                        InvalidRequest.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::path)
                                .containsExactly("date"));
        assertThat(events(s)).isEmpty();
    }

    @Test
    void shouldReadTheRosterLastSet() {
        Subject s = centre();
        rosters.replace(s.code(), s.day(), List.of("ti"), ACTOR);
        rosters.replace(s.code(), s.day(), List.of("so"), ACTOR);

        assertThat(rosters.get(s.code(), s.day()).languages()).containsExactly("so");
    }

    @Test
    void shouldRefuseAReversedRange() {
        Subject s = centre();

        assertThatThrownBy(() -> rosters.between(s.code(), s.day(), s.day().minusDays(1)))
                .isInstanceOfSatisfying(
                        InvalidRequest.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::path)
                                .containsExactly("to"));
    }
}
