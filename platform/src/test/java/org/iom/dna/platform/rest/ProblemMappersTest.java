package org.iom.dna.platform.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.iom.dna.platform.rest.ProblemProbeResource.Family;
import org.iom.dna.platform.rest.ProblemProbeResource.Member;
import org.junit.jupiter.api.Test;

/**
 * Every failure a client meets is problem details (RFC 9457) with a stable type, the right status and
 * the JSON path of each offending field, and never repeats personal data from the request or a stack trace.
 */
@QuarkusTest
class ProblemMappersTest {

    private static final String PROBLEMS = "/test/problems";

    @Inject
    ObjectMapper json;

    @Test
    void shouldAnswer404WithTypeNotFoundWhenTheDomainFindsNothing() {
        Response response = given().get(PROBLEMS + "/not-found");

        Problem problem = problem(response, 404);
        assertThat(problem.type()).isEqualTo(Problem.type("not-found"));
        assertThat(problem.title()).isEqualTo("Not found");
        assertThat(problem.detail()).isEqualTo("centre ET-XXX does not exist");
    }

    @Test
    void shouldAnswer409WithTheConflictsOwnKindAndTitleWhenTheDomainRefuses() {
        Problem problem = problem(given().get(PROBLEMS + "/conflict"), 409);

        assertThat(problem.type()).isEqualTo(Problem.type("duplicate-reference"));
        assertThat(problem.title()).isEqualTo("Reference already used");
        assertThat(problem.detail()).isEqualTo("indReference was used for a different family");
    }

    @Test
    void shouldNameWhereTheExistingResourceLivesWhenAConflictKnowsIt() {
        Problem problem = problem(given().queryParam("existing", true).get(PROBLEMS + "/conflict"), 409);

        assertThat(problem.existing()).isEqualTo(ProblemProbeResource.EXISTING);
    }

    @Test
    void shouldLeaveOutTheExistingFieldWhenAConflictHasNone() {
        Response response = given().queryParam("existing", false).get(PROBLEMS + "/conflict");

        problem(response, 409);
        assertThat(response.jsonPath().getMap("$")).doesNotContainKeys("existing", "errors");
    }

    @Test
    void shouldListEveryViolationSortedByPathThenMessageWhenARequestIsInvalid() {
        Problem problem = problem(given().get(PROBLEMS + "/invalid"), 400);

        assertThat(problem.type()).isEqualTo(Problem.type("validation"));
        assertThat(problem.title()).isEqualTo("The request is not valid");
        assertThat(problem.detail()).isEqualTo("4 field(s) are not valid");
        assertThat(problem.errors())
                .containsExactly(
                        new Problem.FieldError("$.deadline", "is after the IND's limit"),
                        new Problem.FieldError("$.deadline", "must be in the future"),
                        new Problem.FieldError("$.members[0].accompaniedBy", "names no adult of the family"),
                        new Problem.FieldError("$.members[1].phone", "is not a phone number"));
    }

    @Test
    void shouldAnswer412StaleWriteWhenTheChangeIsBasedOnAnOldVersion() {
        Problem problem = problem(given().get(PROBLEMS + "/stale"), 412);

        assertThat(problem.type()).isEqualTo(Problem.type("stale-write"));
        assertThat(problem.title()).isEqualTo("Changed meanwhile");
        assertThat(problem.detail()).isEqualTo("the centre changed since version 3");
    }

    @Test
    void shouldAnswer428PreconditionRequiredWhenTheVersionIsMissing() {
        Problem problem = problem(given().get(PROBLEMS + "/version-required"), 428);

        assertThat(problem.type()).isEqualTo(Problem.type("precondition-required"));
        assertThat(problem.title()).isEqualTo("If-Match required");
    }

    @Test
    void shouldAnswer403WithTheDomainsReasonWhenTheRoleMayNotDoThis() {
        Problem problem = problem(given().get(PROBLEMS + "/not-allowed"), 403);

        assertThat(problem.type()).isEqualTo(Problem.type("forbidden"));
        assertThat(problem.detail()).isEqualTo("mhac-staff may only change their own centres");
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenTheDatabaseIsBrieflyAway() {
        Response response = given().get(PROBLEMS + "/database-away");

        Problem problem = problem(response, 503);
        assertThat(problem.type()).isEqualTo(Problem.type("unavailable"));
        assertThat(response.header("Retry-After")).isEqualTo("5");
    }

    @Test
    void shouldNotRepeatTheFailuresMessageWhenTheDatabaseIsBrieflyAway() {
        Response response = given().get(PROBLEMS + "/database-away");

        problem(response, 503);
        assertThat(response.asString()).doesNotContain(ProblemProbeResource.PERSONAL_DATA);
    }

    @Test
    void shouldAnswer500WithAnIncidentNumberWhenSomethingUnexpectedFails() {
        Problem problem = problem(given().get(PROBLEMS + "/bug"), 500);

        assertThat(problem.type()).isEqualTo(Problem.type("internal"));
        assertThat(problem.detail()).matches("the error was logged as incident [0-9a-f-]{36}");
    }

    @Test
    void shouldGiveEachUnexpectedFailureItsOwnIncidentNumber() {
        Problem first = problem(given().get(PROBLEMS + "/bug"), 500);
        Problem second = problem(given().get(PROBLEMS + "/bug"), 500);

        assertThat(first.detail()).isNotEqualTo(second.detail());
    }

    @Test
    void shouldShowNeitherPersonalDataNorAStackTraceWhenSomethingUnexpectedFails() {
        String body =
                given().get(PROBLEMS + "/bug").then().statusCode(500).extract().asString();

        assertThat(body)
                .doesNotContain(ProblemProbeResource.PERSONAL_DATA)
                .doesNotContain("IllegalStateException")
                .doesNotContain("ProblemProbeResource")
                .doesNotContain("at org.");
    }

    @Test
    void shouldKeepTheStatusAndReasonWhenTheHttpLayerRefuses() {
        Problem problem = problem(given().get(PROBLEMS + "/http/406"), 406);

        assertThat(problem.type()).isEqualTo(Problem.type("http-406"));
        assertThat(problem.title()).isEqualTo("Not Acceptable");
    }

    @Test
    void shouldTitleAnUnnamedStatusByItsNumberWhenTheHttpLayerRefuses() {
        Problem problem = problem(given().get(PROBLEMS + "/http/499"), 499);

        assertThat(problem.title()).isEqualTo("HTTP 499");
    }

    @Test
    void shouldAnswer405AsProblemDetailsWhenTheMethodIsNotSupported() {
        Problem problem = problem(given().delete(PROBLEMS + "/not-found"), 405);

        assertThat(problem.type()).isEqualTo(Problem.type("http-405"));
    }

    @Test
    void shouldNameTheQueryParameterWhenItIsOutOfRange() {
        Problem problem = problem(given().queryParam("size", 0).get(PROBLEMS + "/page"), 400);

        assertThat(problem.errors()).extracting(Problem.FieldError::path).containsExactly("size");
    }

    @Test
    void shouldRefuseAKeyGivenTwiceAndNameIt() {
        String twice = write(family()).replaceFirst("\\{", "{\"indReference\": \"IND-OTHER\", ");

        Problem problem = problem(post(twice), 400);

        assertThat(problem.errors())
                .containsExactly(new Problem.FieldError("$.indReference", "is given more than once"));
    }

    @Test
    void shouldRefuseATextWithANulCharacterAndNameWhere() {
        ObjectNode body = json.valueToTree(family());
        body.put("indReference", "IND-1\u0000DROP");

        Problem problem = problem(post(body.toString()), 400);

        assertThat(problem.errors())
                .containsExactly(new Problem.FieldError("$.indReference", "must not contain a NUL character"));
    }

    @Test
    void shouldAnswer400NotA404WhenAPathParameterIsNotADate() {
        Problem problem = problem(given().get(PROBLEMS + "/days/2026-13-45"), 400);

        assertThat(problem.type()).isEqualTo(Problem.type("validation"));
        assertThat(problem.detail()).isEqualTo("a path or query parameter has the wrong type or format");
    }

    @Test
    void shouldAnswer400NotA404WhenAQueryParameterNamesNoSuchValue() {
        problem(given().queryParam("unit", "FORTNIGHTS").get(PROBLEMS + "/days/2026-12-01"), 400);
    }

    @Test
    void shouldStillAnswer404ForAPathThatDoesNotExist() {
        problem(given().get(PROBLEMS + "/no-such-thing"), 404);
    }

    @Test
    void shouldAcceptAValidBody() {
        Family family = family();

        String echoed = post(write(family)).then().statusCode(200).extract().asString();

        assertThat(read(echoed, Family.class)).isEqualTo(family);
    }

    @Test
    void shouldNameEachInvalidFieldByItsJsonPathWhenTheBodyBreaksItsConstraints() {
        Family family = new Family(
                " ",
                List.of(new Member("P-100231", 34, List.of("email")), new Member("", 131, List.of("sms", " "))),
                Map.of("source", " "));

        Problem problem = problem(post(write(family)), 400);

        assertThat(problem.type()).isEqualTo(Problem.type("validation"));
        assertThat(problem.errors())
                .extracting(Problem.FieldError::path)
                .containsExactly(
                        "$.indReference",
                        "$.labels['source']",
                        "$.members[1].age",
                        "$.members[1].channels[1]",
                        "$.members[1].memberRef");
    }

    @Test
    void shouldNotRepeatTheRejectedValueWhenAFieldBreaksItsConstraint() {
        Family family = new Family("IND-1", List.of(new Member("P-1", 987654, List.of("email"))), Map.of());

        String answer = post(write(family)).then().statusCode(400).extract().asString();

        assertThat(answer).contains("$.members[0].age").doesNotContain("987654");
    }

    @Test
    void shouldRequireABody() {
        Problem problem = problem(given().contentType("application/json").post(PROBLEMS + "/families"), 400);

        assertThat(problem.type()).isEqualTo(Problem.type("validation"));
        assertThat(problem.errors()).hasSize(1);
    }

    @Test
    void shouldNameTheRootWhenTheBodyIsNotJson() {
        Problem problem = problem(post("indReference=IND-1&members=P-1"), 400);

        assertThat(problem.type()).isEqualTo(Problem.type("validation"));
        assertThat(problem.detail()).isEqualTo("the body could not be read");
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("$", "is not valid JSON"));
    }

    @Test
    void shouldNameWhereTheDocumentBreaksOffWhenTheBodyIsTruncated() {
        String truncated = write(family()).substring(0, 20); // {"indReference":"IND

        Problem problem = problem(post(truncated), 400);

        assertThat(problem.type()).isEqualTo(Problem.type("validation"));
        assertThat(problem.errors()).extracting(Problem.FieldError::path).containsExactly("$.indReference");
    }

    @Test
    void shouldNameAnUnknownFieldByItsPathWhenTheBodyHasOne() {
        ObjectNode body = json.valueToTree(family());
        ((ObjectNode) body.withArray("members").get(1)).put("nickname", "Selam");

        Problem problem = problem(post(body.toString()), 400);

        assertThat(problem.errors())
                .containsExactly(new Problem.FieldError("$.members[1].nickname", "is not a known field"));
    }

    @Test
    void shouldNameAMistypedFieldByItsPathWithoutItsValueWhenTheBodyHasOne() {
        ObjectNode body = json.valueToTree(family());
        ((ObjectNode) body.withArray("members").get(1)).put("age", ProblemProbeResource.PERSONAL_DATA);

        Response response = post(body.toString());

        Problem problem = problem(response, 400);
        assertThat(problem.errors())
                .containsExactly(new Problem.FieldError("$.members[1].age", "has the wrong type or format"));
        assertThat(response.asString()).doesNotContain(ProblemProbeResource.PERSONAL_DATA);
    }

    @Test
    void shouldRefuseABodyOverTheLimitWith413ProblemDetails() {
        Family huge = new Family("x".repeat(300 * 1024), List.of(), Map.of());

        Response response = post(write(huge));

        Problem problem = problem(response, 413);
        assertThat(problem.type()).isEqualTo(Problem.type("too-large"));
        assertThat(problem.detail()).contains("256 KiB");
    }

    @Test
    void shouldTakeABodyJustUnderTheLimit() {
        Family large = new Family("x".repeat(250 * 1024), List.of(), Map.of());

        post(write(large)).then().statusCode(200);
    }

    private Response post(String body) {
        return given().contentType("application/json").body(body).post(PROBLEMS + "/families");
    }

    private static Family family() {
        return new Family(
                "IND-2026-000123",
                List.of(new Member("P-100231", 34, List.of("email", "sms")), new Member("P-100232", 9, List.of())),
                Map.of("source", "ind"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (Exception e) {
            throw new AssertionError("not a " + type.getSimpleName() + ": " + body, e);
        }
    }

    /** The answer as problem details, after checking its status and media type. */
    private Problem problem(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(Problem.MEDIA_TYPE);
        Problem problem = read(response.asString(), Problem.class);
        assertThat(problem.status()).isEqualTo(status);
        return problem;
    }
}
