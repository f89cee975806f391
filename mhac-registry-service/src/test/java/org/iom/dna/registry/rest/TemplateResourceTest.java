package org.iom.dna.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.iom.dna.platform.rest.Problem;
import org.iom.dna.registry.domain.AvailabilityTemplate;
import org.iom.dna.registry.rest.TemplateResource.TemplateRequest;
import org.iom.dna.registry.service.TemplateService;
import org.iom.dna.registry.support.Fixtures;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Weekly availability rules: only inside the centre's opening hours, for its own staff or country offices. */
@QuarkusTest
class TemplateResourceTest {

    private static final String ADDIS = "/api/v1/centres/ET-ADD/templates";
    private static final LocalDate FROM = LocalDate.of(2027, 1, 1);
    /** A day years ahead, so a rule staff add at Addis Ababa in a test never shapes another test's slots. */
    private static final LocalDate FAR = LocalDate.now().plusYears(3);

    @Inject
    Fixtures fixtures;

    @Inject
    TemplateService templates;

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user));
    }

    private static String path(String code) {
        return "/api/v1/centres/" + code + "/templates";
    }

    /** A centre of its own open Monday to Friday, 08:00 to 16:30. */
    private String centre() {
        return fixtures.centre("Asia/Tehran", Fixtures.mondayToFriday());
    }

    private static TemplateRequest monday(String starts, String ends) {
        return new TemplateRequest(DayOfWeek.MONDAY, LocalTime.parse(starts), LocalTime.parse(ends), 30, 2, FROM, null);
    }

    private ValidatableResponse post(String user, String code, TemplateRequest body) {
        return as(user).contentType(ContentType.JSON)
                .body(fixtures.json(body))
                .post(path(code))
                .then();
    }

    private void assertRefusedAt(String code, TemplateRequest body, String field) {
        post("officer", code, body)
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("validation").toString()))
                .body("errors.path", contains(field));
        assertThat(templates.list(code)).isEmpty();
    }

    // --- adding

    @Test
    void shouldAddARuleWithItsLocation() {
        String code = centre();

        var created = post("officer", code, monday("08:30:00", "12:00:00"))
                .statusCode(201)
                .body("dayOfWeek", equalTo("MONDAY"))
                .body("slotMinutes", equalTo(30))
                .extract();
        String id = created.path("id");

        assertThat(created.header("Location")).endsWith(path(code) + "/" + id);
        assertThat(templates.list(code)).extracting(t -> t.id.toString()).containsExactly(id);
    }

    @Test
    void shouldAcceptARuleThatFillsTheWholeOpeningHours() {
        String code = centre();

        post("officer", code, monday("08:00:00", "16:30:00")).statusCode(201);
    }

    @Test
    void shouldListTheRulesByWeekdayAndStart() {
        String code = centre();
        fixtures.template(code, DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), 30, 1);
        fixtures.template(code, DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(14, 0), 30, 1);
        fixtures.template(code, DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), 30, 1);

        as("officer")
                .get(path(code))
                .then()
                .statusCode(200)
                .body("dayOfWeek", contains("MONDAY", "MONDAY", "TUESDAY"))
                .body("starts", contains("09:00:00", "13:00:00", "09:00:00"));
    }

    @Test
    void shouldRefuseARuleThatEndsBeforeItStarts() {
        String code = centre();

        assertRefusedAt(code, monday("12:00:00", "09:00:00"), "$.ends");
    }

    @Test
    void shouldRefuseARuleThatEndsWhenItStarts() {
        String code = centre();

        assertRefusedAt(code, monday("09:00:00", "09:00:00"), "$.ends");
    }

    @Test
    void shouldRefuseARuleThatStartsBeforeTheCentreOpens() {
        String code = centre();

        assertRefusedAt(code, monday("07:30:00", "12:00:00"), "$.dayOfWeek");
    }

    @Test
    void shouldRefuseARuleThatEndsAfterTheCentreCloses() {
        String code = centre();

        assertRefusedAt(code, monday("13:00:00", "17:00:00"), "$.dayOfWeek");
    }

    @Test
    void shouldRefuseARuleOnTheCentresDayOff() {
        String code = centre();
        TemplateRequest saturday =
                new TemplateRequest(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), 30, 2, FROM, null);

        assertRefusedAt(code, saturday, "$.dayOfWeek");
    }

    @Test
    void shouldRefuseARuleThatIsValidUntilBeforeItIsValidFrom() {
        String code = centre();
        TemplateRequest reversed = new TemplateRequest(
                DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), 30, 2, FROM, FROM.minusDays(1));

        assertRefusedAt(code, reversed, "$.validTo");
    }

    @Test
    void shouldRefuseSlotsShorterThanFiveMinutes() {
        String code = centre();
        TemplateRequest tiny =
                new TemplateRequest(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), 4, 2, FROM, null);

        assertRefusedAt(code, tiny, "$.slotMinutes");
    }

    @Test
    void shouldRefuseARuleForNobody() {
        String code = centre();
        TemplateRequest empty =
                new TemplateRequest(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), 30, 0, FROM, null);

        assertRefusedAt(code, empty, "$.capacity");
    }

    @Test
    void shouldRefuseMoreThanFiftyPeoplePerSlot() {
        String code = centre();
        TemplateRequest crowd =
                new TemplateRequest(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), 30, 51, FROM, null);

        assertRefusedAt(code, crowd, "$.capacity");
    }

    @Test
    void shouldRequireTheFirstValidDay() {
        String code = centre();
        TemplateRequest undated =
                new TemplateRequest(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), 30, 2, null, null);

        assertRefusedAt(code, undated, "$.validFrom");
    }

    // --- removing

    @Test
    void shouldRemoveARule() {
        String code = centre();
        AvailabilityTemplate rule =
                fixtures.template(code, DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), 30, 1);

        as("officer").delete(path(code) + "/" + rule.id).then().statusCode(204);

        assertThat(templates.list(code)).isEmpty();
    }

    @Test
    void shouldAnswerRemovingAnUnknownRuleWithNotFound() {
        String code = centre();

        as("officer")
                .delete(path(code) + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldNotRemoveAnotherCentresRuleThroughThisCentresPath() {
        String mine = centre();
        String theirs = centre();
        AvailabilityTemplate rule =
                fixtures.template(theirs, DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), 30, 1);

        as("officer").delete(path(mine) + "/" + rule.id).then().statusCode(404);

        assertThat(templates.list(theirs)).extracting(t -> t.id).containsExactly(rule.id);
    }

    // --- who may

    @Test
    void shouldLetStaffReadTheirOwnCentresRules() {
        as("staff-addis").get(ADDIS).then().statusCode(200).body("dayOfWeek", hasItem("MONDAY"));
    }

    @Test
    void shouldLetStaffAddAndRemoveARuleAtTheirOwnCentre() {
        TemplateRequest lunchtime =
                new TemplateRequest(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(13, 0), 30, 1, FAR, FAR);

        String id = as("staff-addis")
                .contentType(ContentType.JSON)
                .body(fixtures.json(lunchtime))
                .post(ADDIS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        as("staff-addis").delete(ADDIS + "/" + id).then().statusCode(204);
    }

    @Test
    void shouldAnswerAnotherCentresStaffReadingRulesWithNotFound() {
        as("staff-beirut").get(ADDIS).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldAnswerAnotherCentresStaffAddingARuleWithNotFound() {
        String code = centre();

        post("staff-beirut", code, monday("09:00:00", "10:00:00"))
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE);

        assertThat(templates.list(code)).isEmpty();
    }

    @Test
    void shouldAnswerAnotherCentresStaffRemovingARuleWithNotFound() {
        String code = centre();
        AvailabilityTemplate rule =
                fixtures.template(code, DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0), 30, 1);

        as("staff-addis").delete(path(code) + "/" + rule.id).then().statusCode(404);

        assertThat(templates.list(code)).hasSize(1);
    }

    @Test
    void shouldRefuseTheIndAddingRules() {
        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(fixtures.json(monday("09:00:00", "10:00:00")))
                .post(ADDIS)
                .then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldRefuseRulesWithoutAToken() {
        given().get(ADDIS).then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }
}
