package org.iom.dna.scheduling.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.iom.dna.scheduling.testdata.Events.adult;
import static org.iom.dna.scheduling.testdata.Events.daysAhead;
import static org.iom.dna.scheduling.testdata.Events.family;
import static org.iom.dna.scheduling.testdata.Events.slot;
import static org.iom.dna.scheduling.testdata.Events.uniqueCountry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.iom.dna.events.FamilyDeadlineAtRiskV1;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.events.SlotOpenedV1;
import org.iom.dna.scheduling.domain.WaitReason;
import org.iom.dna.scheduling.testdata.SchedulingState;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Why a family waits, as country offices see it in the queue, and the IND told early when a deadline is at risk
 * (within 21 days by default, or at once when the members cannot travel in time).
 */
@QuarkusTest
class WaitReasonTest {

    @Inject
    SchedulingState scheduling;

    @Inject
    FamilyQueries families;

    private static LocalDate inDays(int days) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days);
    }

    @Test
    void shouldSayNoSlotIsOpenWhenTheCountryHasNone() {
        SamplingRequestReceivedV1 family = family(uniqueCountry()).build();
        scheduling.receive(family);

        assertThat(scheduling.awaitWaitlisted(family.requestId()).waitReason).isEqualTo(WaitReason.NO_OPEN_SLOT);
    }

    @Test
    void shouldSayNoDayFitsWhenTheOpenSlotsAreTooSmall() {
        SlotOpenedV1 single = slot(uniqueCountry() + "-AAA", daysAhead(5, 9), 1);
        SamplingRequestReceivedV1 family = family(single.country()).adults(2).build();
        scheduling.receive(List.of(single), List.of(family));

        assertThat(scheduling.awaitWaitlisted(family.requestId()).waitReason).isEqualTo(WaitReason.NO_DAY_FITS_FAMILY);
    }

    @Test
    void shouldSayTheLeadTimePassesTheDeadlineWhenAMemberCannotTravelInTime() {
        String country = uniqueCountry();
        SamplingRequestReceivedV1 family =
                family(country).members(adult("P-1", "ER")).deadline(inDays(5)).build();
        scheduling.receive(family);

        assertThat(scheduling.awaitWaitlisted(family.requestId()).waitReason)
                .isEqualTo(WaitReason.LEAD_TIME_PASSES_DEADLINE);
    }

    @Test
    void shouldTellTheIndAtOnceWhenAMemberCannotTravelInTime() {
        SamplingRequestReceivedV1 family = family(uniqueCountry())
                .members(adult("P-1", "ER"))
                .deadline(inDays(40))
                .build();
        scheduling.receive(family);
        scheduling.awaitWaitlisted(family.requestId());

        // 40 days is beyond the notice period, but not beyond the default 14 days across a border: not at risk.
        assertThat(scheduling.published(family.requestId(), FamilyDeadlineAtRiskV1.TYPE, FamilyDeadlineAtRiskV1.class))
                .isEmpty();
    }

    @Test
    void shouldTellTheIndOnceWhenTheDeadlineIsNearAndNoDayIsFound() {
        SamplingRequestReceivedV1 family =
                family(uniqueCountry()).deadline(inDays(10)).build();
        scheduling.receive(family);
        scheduling.awaitWaitlisted(family.requestId());
        scheduling.open(slot(family.country() + "-ZZZ", daysAhead(20, 9), 1)); // after the deadline: another pass

        // It stays one event through the passes that follow.
        await().during(java.time.Duration.ofSeconds(3))
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> scheduling
                                .published(
                                        family.requestId(), FamilyDeadlineAtRiskV1.TYPE, FamilyDeadlineAtRiskV1.class)
                                .size()
                        == 1);
        assertThat(scheduling.published(family.requestId(), FamilyDeadlineAtRiskV1.TYPE, FamilyDeadlineAtRiskV1.class))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.deadline()).isEqualTo(family.deadline());
                    assertThat(e.reason()).isEqualTo("NO_OPEN_SLOT");
                });
    }

    @Test
    void shouldTellTheIndAtOnceWhenTheLeadTimePassesTheDeadline() {
        SamplingRequestReceivedV1 family = family(uniqueCountry())
                .members(adult("P-1", "ER"))
                .deadline(inDays(5))
                .build();
        scheduling.receive(family);
        scheduling.awaitWaitlisted(family.requestId());

        assertThat(scheduling.published(family.requestId(), FamilyDeadlineAtRiskV1.TYPE, FamilyDeadlineAtRiskV1.class))
                .extracting(FamilyDeadlineAtRiskV1::reason)
                .containsExactly("LEAD_TIME_PASSES_DEADLINE");
    }

    @Test
    void shouldNotWorryTheIndWhileTheDeadlineIsFar() {
        SamplingRequestReceivedV1 family =
                family(uniqueCountry()).deadline(inDays(60)).build();
        scheduling.receive(family);
        scheduling.awaitWaitlisted(family.requestId());

        assertThat(scheduling.published(family.requestId(), FamilyDeadlineAtRiskV1.TYPE, FamilyDeadlineAtRiskV1.class))
                .isEmpty();
    }

    @Test
    void shouldForgetTheWaitReasonOnceBooked() {
        SamplingRequestReceivedV1 family = family(uniqueCountry()).build();
        scheduling.receive(family);
        scheduling.awaitWaitlisted(family.requestId());

        scheduling.open(slot(family.country() + "-AAA", daysAhead(5, 9), 1));
        scheduling.awaitBooked(family.requestId());

        assertThat(scheduling.family(family.requestId()).waitReason).isNull();
    }

    @Test
    void shouldListOnlyTheAskedCountrysQueue() {
        SamplingRequestReceivedV1 here = family(uniqueCountry()).build();
        SamplingRequestReceivedV1 there = family(uniqueCountry()).build();
        scheduling.receive(here, there);
        scheduling.awaitWaitlisted(here.requestId());
        scheduling.awaitWaitlisted(there.requestId());

        assertThat(QuarkusTransaction.requiringNew().call(() -> families.waitlist(here.country(), 100)))
                .extracting(f -> f.requestId)
                .containsExactly(here.requestId());
    }

    @Test
    void shouldAnswerACountrysQueueOverHttp() {
        given().auth()
                .oauth2(Tokens.user("officer"))
                .queryParam("country", "ET")
                .queryParam("limit", 5)
                .get("/api/v1/waitlist")
                .then()
                .statusCode(200)
                .body("size()", org.hamcrest.Matchers.lessThanOrEqualTo(5));
    }

    @Test
    void shouldRefuseACountryOfAnotherShape() {
        given().auth()
                .oauth2(Tokens.user("officer"))
                .queryParam("country", "ethiopia")
                .get("/api/v1/waitlist")
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("country"));
    }
}
