package org.iom.dna.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iom.dna.events.Priority;
import org.iom.dna.intake.domain.CancellationReason;
import org.iom.dna.intake.domain.SamplingCountry;
import org.iom.dna.intake.testdata.Families;
import org.iom.dna.intake.testdata.IntakeApi;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Country offices list and filter cases a page at a time; the IND only looks its own reference up. Each
 * test sees only the cases it submitted itself, through a window on the time they were received.
 */
@QuarkusTest
class SamplingRequestResourceSearchTest {

    @Inject
    IntakeApi api;

    private Instant from;

    @BeforeEach
    void openWindow() {
        from = Instant.now();
    }

    /** A search as the country office, limited to the cases this test submitted so far. */
    private RequestSpecification officer() {
        return given().auth()
                .oauth2(Tokens.user("officer"))
                .queryParam("receivedFrom", from.toString())
                .queryParam("receivedTo", Instant.now().plusSeconds(1).toString());
    }

    private static List<String> ids(ValidatableResponse response) {
        return response.statusCode(200).extract().path("items.id");
    }

    @Test
    void shouldPageThroughFilteredCasesInAStableOrderWithTheTotal() {
        for (int i = 0; i < 5; i++) {
            api.submitted();
        }
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            seen.addAll(ids(officer()
                    .queryParam("country", "ET")
                    .queryParam("status", "RECEIVED")
                    .queryParam("priority", "URGENT")
                    .queryParam("sort", "receivedAt")
                    .queryParam("page", page)
                    .queryParam("size", 2)
                    .get(Families.REQUESTS)
                    .then()
                    .body("total", equalTo(5))
                    .body("page", equalTo(page))
                    .body("size", equalTo(2))));
        }
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void shouldAnswerAnEmptyPageBeyondTheLastWithTheTotal() {
        api.submitted();

        officer()
                .queryParam("page", 5)
                .get(Families.REQUESTS)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0))
                .body("total", equalTo(1));
    }

    @Test
    void shouldRefuseAPageFarBeyondAnyCaseInsteadOfFailing() {
        officer()
                .queryParam("page", Integer.MAX_VALUE)
                .queryParam("size", 100)
                .get(Families.REQUESTS)
                .then()
                .statusCode(400)
                .body("errors.path", org.hamcrest.Matchers.hasItem("page"));
    }

    @Test
    void shouldListTheNewestCaseFirstByDefault() {
        String older = api.submitted();
        String newer = api.submitted();

        assertThat(ids(officer().get(Families.REQUESTS).then())).containsExactly(newer, older);
    }

    @Test
    void shouldSortByDeadlineAscending() {
        String late = api.submitted(
                Families.family().deadline(Families.deadline().plusDays(2)).build());
        String early =
                api.submitted(Families.family().deadline(Families.deadline()).build());
        String middle = api.submitted(
                Families.family().deadline(Families.deadline().plusDays(1)).build());

        assertThat(ids(officer()
                        .queryParam("sort", "deadline")
                        .get(Families.REQUESTS)
                        .then()))
                .containsExactly(early, middle, late);
    }

    @Test
    void shouldSortByDeadlineDescendingWithAMinus() {
        String late = api.submitted(
                Families.family().deadline(Families.deadline().plusDays(2)).build());
        String early =
                api.submitted(Families.family().deadline(Families.deadline()).build());

        assertThat(ids(officer()
                        .queryParam("sort", "-deadline")
                        .get(Families.REQUESTS)
                        .then()))
                .containsExactly(late, early);
    }

    @Test
    void shouldFilterByCountry() {
        api.submitted();
        String beirut =
                api.submitted(Families.family().country(SamplingCountry.LB).build());

        assertThat(ids(officer()
                        .queryParam("country", "LB")
                        .get(Families.REQUESTS)
                        .then()))
                .containsExactly(beirut);
    }

    @Test
    void shouldFindAnAdHocCaseByTheCountryOfItsLocation() {
        api.submitted();
        String kakuma = api.submitted(Families.family()
                .country(null)
                .adHocLocation("KE", "Kakuma", null)
                .build());

        assertThat(ids(officer()
                        .queryParam("country", "KE")
                        .get(Families.REQUESTS)
                        .then()))
                .containsExactly(kakuma);
    }

    @Test
    void shouldFilterByStatus() {
        api.submitted();
        String cancelled = api.submitted();
        api.cancel(cancelled, CancellationReason.DUPLICATE).statusCode(200);

        assertThat(ids(officer()
                        .queryParam("status", "CANCELLED")
                        .get(Families.REQUESTS)
                        .then()))
                .containsExactly(cancelled);
    }

    @Test
    void shouldFilterByPriority() {
        api.submitted();
        String medical =
                api.submitted(Families.family().priority(Priority.MEDICAL).build());

        assertThat(ids(officer()
                        .queryParam("priority", "MEDICAL")
                        .get(Families.REQUESTS)
                        .then()))
                .containsExactly(medical);
    }

    @Test
    void shouldKeepOnlyDeadlinesBeforeTheGivenDay() {
        LocalDate day = Families.deadline();
        String before =
                api.submitted(Families.family().deadline(day.minusDays(1)).build());
        api.submitted(Families.family().deadline(day).build());

        assertThat(ids(officer()
                        .queryParam("deadlineBefore", day.toString())
                        .get(Families.REQUESTS)
                        .then()))
                .containsExactly(before);
    }

    @Test
    void shouldIncludeACaseReceivedExactlyAtTheStartOfTheWindow() {
        String id = api.submitted();
        String receivedAt = api.get(Tokens.indSystem(), id).extract().path("receivedAt");

        List<String> found = ids(given().auth()
                .oauth2(Tokens.user("officer"))
                .queryParam("receivedFrom", receivedAt)
                .queryParam(
                        "receivedTo", Instant.parse(receivedAt).plusMillis(1).toString())
                .get(Families.REQUESTS)
                .then());

        assertThat(found).contains(id);
    }

    @Test
    void shouldExcludeACaseReceivedExactlyAtTheEndOfTheWindow() {
        String id = api.submitted();
        String receivedAt = api.get(Tokens.indSystem(), id).extract().path("receivedAt");

        List<String> found = ids(given().auth()
                .oauth2(Tokens.user("officer"))
                .queryParam("receivedFrom", from.toString())
                .queryParam("receivedTo", receivedAt)
                .get(Families.REQUESTS)
                .then());

        assertThat(found).doesNotContain(id);
    }

    @Test
    void shouldLetAnAdminListCases() {
        String id = api.submitted();

        given().auth()
                .oauth2(Tokens.user("admin"))
                .queryParam("receivedFrom", from.toString())
                .get(Families.REQUESTS)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void shouldLetTheIndLookACaseUpByItsReference() {
        String reference = Families.freshReference();
        String id = api.submitted(Families.family().indReference(reference).build());

        given().auth()
                .oauth2(Tokens.indSystem())
                .queryParam("indReference", reference)
                .get(Families.REQUESTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(id));
    }

    @Test
    void shouldFindNothingForAReferenceNobodySubmitted() {
        given().auth()
                .oauth2(Tokens.indSystem())
                .queryParam("indReference", Families.freshReference())
                .get(Families.REQUESTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(0))
                .body("items.size()", equalTo(0));
    }

    @Test
    void shouldLetACountryOfficeLookACaseUpByItsReference() {
        String reference = Families.freshReference();
        String id = api.submitted(Families.family().indReference(reference).build());

        given().auth()
                .oauth2(Tokens.user("officer"))
                .queryParam("indReference", reference)
                .get(Families.REQUESTS)
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(id)));
    }

    @Test
    void shouldForbidTheIndToListCases() {
        given().auth()
                .oauth2(Tokens.indSystem())
                .get(Families.REQUESTS)
                .then()
                .statusCode(403)
                .contentType(IntakeApi.PROBLEM)
                .body("detail", equalTo("the IND looks cases up by indReference; listing is for IOM staff"));
    }

    @Test
    void shouldForbidMhacStaffToSearch() {
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .get(Families.REQUESTS)
                .then()
                .statusCode(403);
    }

    @Test
    void shouldForbidMhacStaffToLookACaseUpByReference() {
        String reference = Families.freshReference();
        api.submitted(Families.family().indReference(reference).build());

        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .queryParam("indReference", reference)
                .get(Families.REQUESTS)
                .then()
                .statusCode(403);
    }

    @Test
    void shouldRequireATokenToSearch() {
        given().get(Families.REQUESTS).then().statusCode(401);
    }

    @Test
    void shouldNameAPageSizeAboveAHundred() {
        officer()
                .queryParam("size", 101)
                .get(Families.REQUESTS)
                .then()
                .statusCode(400)
                .contentType(IntakeApi.PROBLEM)
                .body("errors.path", equalTo(List.of("size")));
    }

    @Test
    void shouldAcceptAPageSizeOfAHundred() {
        officer().queryParam("size", 100).get(Families.REQUESTS).then().statusCode(200);
    }

    @Test
    void shouldNameAPageSizeOfZero() {
        officer()
                .queryParam("size", 0)
                .get(Families.REQUESTS)
                .then()
                .statusCode(400)
                .body("errors.path", equalTo(List.of("size")));
    }

    @Test
    void shouldNameANegativePage() {
        officer()
                .queryParam("page", -1)
                .get(Families.REQUESTS)
                .then()
                .statusCode(400)
                .body("errors.path", equalTo(List.of("page")));
    }

    @Test
    void shouldNameASortFieldThatIsNotOffered() {
        officer()
                .queryParam("sort", "familyName")
                .get(Families.REQUESTS)
                .then()
                .statusCode(400)
                .contentType(IntakeApi.PROBLEM)
                .body("errors.path", equalTo(List.of("sort")));
    }

    @Test
    void shouldNameACountryThatIsNotAnIsoCode() {
        officer()
                .queryParam("country", "et")
                .get(Families.REQUESTS)
                .then()
                .statusCode(400)
                .body("errors.path", equalTo(List.of("country")));
    }

    @Test
    void shouldRefuseAnUnknownStatus() {
        officer()
                .queryParam("status", "HAPPY")
                .get(Families.REQUESTS)
                .then()
                .statusCode(400)
                .contentType(IntakeApi.PROBLEM);
    }

    @Test
    void shouldCreateExactlyOneCaseFromTwentyParallelIdenticalSubmissions() throws Exception {
        SamplingRequestSubmission submission = Families.motherAndSon();
        String token = Tokens.indSystem();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<int[]> results = new ArrayList<>();
        try {
            List<Callable<int[]>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> {
                    var response = api.submit(token, submission).extract();
                    return new int[] {response.statusCode(), response.path("id").hashCode()};
                });
            }
            for (Future<int[]> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(results).filteredOn(r -> r[0] == 201).as("created").hasSize(1);
        assertThat(results).filteredOn(r -> r[0] == 200).as("the stored case").hasSize(19);
        assertThat(results).extracting(r -> r[1]).as("all name the same case").containsOnly(results.get(0)[1]);
        given().auth()
                .oauth2(Tokens.indSystem())
                .queryParam("indReference", submission.indReference())
                .get(Families.REQUESTS)
                .then()
                .body("total", equalTo(1));
    }
}
