package org.iom.dna.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.events.InterpreterRosterChangedV1;
import org.iom.dna.events.Topics;
import org.iom.dna.platform.rest.Problem;
import org.iom.dna.registry.domain.CentreStatus;
import org.iom.dna.registry.domain.InterpreterRoster;
import org.iom.dna.registry.service.CentreService;
import org.iom.dna.registry.support.Fixtures;
import org.iom.dna.testing.Tokens;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/** Staff set which interpreters are on duty at their own centres on a day; other centres' days look absent. */
@QuarkusTest
class InterpreterRosterResourceTest {

    private static final String ADDIS = "ET-ADD";
    private static final ZoneId ADDIS_ZONE = ZoneId.of("Africa/Addis_Ababa");
    private static final String ZONE = "Asia/Beirut";
    private static final String TOPIC = "test." + Topics.SLOTS;

    @Inject
    Fixtures fixtures;

    @Inject
    CentreService centres;

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user));
    }

    private static String dayPath(String code, LocalDate day) {
        return "/api/v1/centres/" + code + "/days/" + day + "/interpreters";
    }

    private static String body(String... languages) {
        return "{\"languages\": ["
                + String.join(
                        ", ",
                        List.of(languages).stream().map(l -> "\"" + l + "\"").toList())
                + "]}";
    }

    private static ValidatableResponse put(String user, String code, LocalDate day, String body) {
        return as(user).contentType(ContentType.JSON)
                .body(body)
                .put(dayPath(code, day))
                .then();
    }

    private static ValidatableResponse read(String user, String code, LocalDate day) {
        return as(user).get(dayPath(code, day)).then();
    }

    /** A day ahead at Addis Ababa that other tests are unlikely to pick, so they do not share a roster. */
    private static LocalDate addisDay() {
        return LocalDate.now(ADDIS_ZONE).plusDays(ThreadLocalRandom.current().nextInt(7, 300));
    }

    /** An active centre of its own, and a day ahead there. */
    private record Subject(String code, LocalDate day) {}

    private Subject centre() {
        String code = fixtures.centre(ZONE, Fixtures.mondayToFriday());
        return new Subject(code, LocalDate.now(ZoneId.of(ZONE)).plusDays(10));
    }

    // --- setting and reading

    @Test
    void shouldLetStaffSetTheInterpretersOfTheirOwnCentresDay() {
        LocalDate day = addisDay();

        put("staff-addis", ADDIS, day, body("ti", "so"))
                .statusCode(200)
                .body("centreCode", equalTo(ADDIS))
                .body("localDate", equalTo(day.toString()))
                .body("languages", contains("so", "ti"))
                .body("changedAt", notNullValue());
    }

    @Test
    void shouldShowTheRosterThatWasSet() {
        Subject s = centre();
        put("officer", s.code(), s.day(), body("ti")).statusCode(200);

        read("admin", s.code(), s.day()).statusCode(200).body("languages", contains("ti"));
    }

    @Test
    void shouldShowNoLanguagesForADayWithoutARoster() {
        Subject s = centre();

        read("officer", s.code(), s.day())
                .statusCode(200)
                .body("localDate", equalTo(s.day().toString()))
                .body("languages", empty())
                .body("changedAt", nullValue());
    }

    @Test
    void shouldCountALanguageGivenTwiceOnce() {
        Subject s = centre();

        put("officer", s.code(), s.day(), body("ti", "so", "ti"))
                .statusCode(200)
                .body("languages", contains("so", "ti"));
    }

    @Test
    void shouldClearTheDaysInterpretersWithAnEmptyList() {
        Subject s = centre();
        put("officer", s.code(), s.day(), body("ti")).statusCode(200);

        put("officer", s.code(), s.day(), body()).statusCode(200).body("languages", empty());
    }

    @Test
    void shouldAcceptTodayAtTheCentreWhereverUtcIs() {
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
        String code = fixtures.centre(kiritimati.getId(), Fixtures.mondayToFriday());

        put("officer", code, LocalDate.now(kiritimati), body("ti")).statusCode(200);
    }

    @Test
    void shouldRecordWhoSetTheRoster() {
        Subject s = centre();

        put("officer", s.code(), s.day(), body("ti")).statusCode(200);

        assertThat(Fixtures.tx(() -> InterpreterRoster.forDay(s.code(), s.day()).changedBy))
                .isEqualTo("officer");
    }

    @Test
    void shouldListTheDaysThatHaveARoster() {
        Subject s = centre();
        put("officer", s.code(), s.day(), body("ti")).statusCode(200);
        put("officer", s.code(), s.day().plusDays(2), body("so")).statusCode(200);

        as("officer")
                .queryParam("from", s.day().minusDays(1).toString())
                .queryParam("to", s.day().plusDays(3).toString())
                .get("/api/v1/centres/" + s.code() + "/interpreters")
                .then()
                .statusCode(200)
                .body(
                        "localDate",
                        contains(s.day().toString(), s.day().plusDays(2).toString()))
                .body("languages", contains(List.of("ti"), List.of("so")));
    }

    @Test
    void shouldRefuseAListingOverTooLongARange() {
        Subject s = centre();

        as("officer")
                .queryParam("from", s.day().toString())
                .queryParam("to", s.day().plusYears(1).toString())
                .get("/api/v1/centres/" + s.code() + "/interpreters")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.path", contains("to"));
    }

    @Test
    void shouldPublishTheRosterOnKafkaKeyedByTheCentre() {
        Subject s = centre();
        try (TopicProbe topic = TopicProbe.open(TOPIC)) {
            put("officer", s.code(), s.day(), body("ti", "so")).statusCode(200);

            ConsumerRecord<String, String> event = topic.await(
                    r -> s.code().equals(r.key())
                            && InterpreterRosterChangedV1.TYPE.equals(TopicProbe.header(r, "ce_type")),
                    Duration.ofSeconds(20));
            InterpreterRosterChangedV1 roster = fixtures.read(event.value(), InterpreterRosterChangedV1.class);
            assertThat(roster.centreCode()).isEqualTo(s.code());
            assertThat(roster.country()).isEqualTo(s.code().substring(0, 2));
            assertThat(roster.localDate()).isEqualTo(s.day());
            assertThat(roster.languages()).containsExactly("so", "ti");
        }
    }

    // --- refusing

    @Test
    void shouldRefuseADayThatIsPastAtTheCentre() {
        Subject s = centre();

        put("officer", s.code(), LocalDate.now(ZoneId.of(ZONE)).minusDays(1), body("ti"))
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("validation").toString()))
                .body("errors.path", contains("date"));
    }

    @Test
    void shouldRefuseADayMoreThanAYearAhead() {
        Subject s = centre();

        put("officer", s.code(), LocalDate.now(ZoneId.of(ZONE)).plusYears(1).plusDays(1), body("ti"))
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.path", contains("date"));
    }

    @Test
    void shouldNameTheLanguageThatIsNotALanguageTag() {
        Subject s = centre();

        put("officer", s.code(), s.day(), body("ti", "Tigrinya"))
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.path", contains("$.languages[1]"));
    }

    @Test
    void shouldRefuseARosterWithoutItsLanguages() {
        Subject s = centre();

        put("officer", s.code(), s.day(), "{}")
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.path", contains("$.languages"));
    }

    @Test
    void shouldRefuseARosterForACentreThatIsNotActive() {
        String country = fixtures.freeCountry();
        String code = fixtures.freeCode(country);
        centres.create(code, Fixtures.details(country, ZONE, CentreStatus.SUSPENDED, Fixtures.mondayToFriday()));

        put("officer", code, LocalDate.now(ZoneId.of(ZONE)).plusDays(10), body("ti"))
                .statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("centre-not-active").toString()));
    }

    @Test
    void shouldAnswerAnUnknownCentreWithANotFoundProblem() {
        put("officer", fixtures.freeCode("ET"), addisDay(), body("ti"))
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("not-found").toString()));
    }

    // --- who may

    @Test
    void shouldAnswerStaffSettingAnotherCentresDayAsIfTheCentreDidNotExist() {
        LocalDate day = addisDay();
        String other = put("staff-beirut", ADDIS, day, body("ti"))
                .statusCode(404)
                .extract()
                .jsonPath()
                .getString("type");
        String none = put("staff-beirut", fixtures.freeCode("ET"), day, body("ti"))
                .statusCode(404)
                .extract()
                .jsonPath()
                .getString("type");

        assertThat(other).isEqualTo(none);
    }

    @Test
    void shouldAnswerStaffReadingAnotherCentresDayAsIfTheCentreDidNotExist() {
        read("staff-beirut", ADDIS, addisDay())
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("not-found").toString()));
    }

    @Test
    void shouldLeaveTheRosterAloneWhenStaffOfAnotherCentreTryToSetIt() {
        Subject s = centre();
        put("officer", s.code(), s.day(), body("ti")).statusCode(200);

        put("staff-beirut", s.code(), s.day(), body("so")).statusCode(404);

        read("officer", s.code(), s.day()).statusCode(200).body("languages", contains("ti"));
    }

    @Test
    void shouldRefuseTheIndSettingInterpreters() {
        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(body("ti"))
                .put(dayPath(ADDIS, addisDay()))
                .then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldRefuseARosterWithoutAToken() {
        given().contentType(ContentType.JSON)
                .body(body("ti"))
                .put(dayPath(ADDIS, addisDay()))
                .then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE);
    }
}
