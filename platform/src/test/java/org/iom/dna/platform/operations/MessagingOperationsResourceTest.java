package org.iom.dna.platform.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.iom.dna.platform.messaging.ContractViolation;
import org.iom.dna.platform.messaging.DeadLetters;
import org.iom.dna.platform.messaging.EventHandler;
import org.iom.dna.platform.messaging.Inbox;
import org.iom.dna.platform.messaging.IncomingEvent;
import org.iom.dna.platform.messaging.OutboxRows;
import org.iom.dna.platform.messaging.RecordingHandler;
import org.iom.dna.platform.messaging.RecordingHandler.TestEvent;
import org.iom.dna.platform.messaging.Records;
import org.iom.dna.platform.rest.Problem;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Country offices and admins list dead letters and parked events over HTTP and replay or release them;
 * every other role is refused. Tokens come from the local Keycloak.
 */
@QuarkusTest
class MessagingOperationsResourceTest {

    private static final String OPERATIONS = "/api/v1/operations";

    /** A consumer that was renamed away: its dead letters have no consumer here. */
    private static final EventHandler RETIRED = new EventHandler() {
        @Override
        public String consumer() {
            return "platform-test.retired";
        }

        @Override
        public void apply(IncomingEvent event) {
            throw new ContractViolation("not understood");
        }
    };

    @Inject
    Inbox inbox;

    @Inject
    RecordingHandler handler;

    @Inject
    DeadLetters deadLetters;

    @Inject
    EntityManager em;

    @AfterEach
    void unfix() {
        handler.fixed(false);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET, /dead-letters",
        "GET, /dead-letters/depth",
        "GET, /dead-letters/1",
        "POST, /dead-letters/1/replay",
        "POST, /dead-letters/replay",
        "GET, /parked-events",
        "POST, /parked-events/1/release"
    })
    void shouldRefuseACallerWithoutAToken(String method, String path) {
        Response response = given().request(method, OPERATIONS + path);

        assertProblem(response, 401, "unauthorized");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET, /dead-letters",
        "GET, /dead-letters/depth",
        "GET, /dead-letters/1",
        "POST, /dead-letters/1/replay",
        "POST, /dead-letters/replay",
        "GET, /parked-events",
        "POST, /parked-events/1/release"
    })
    void shouldRefuseMhacStaff(String method, String path) {
        Response response = as(Tokens.user("staff-addis")).request(method, OPERATIONS + path);

        assertProblem(response, 403, "forbidden");
    }

    @Test
    void shouldRefuseTheIndsSystem() {
        assertProblem(as(Tokens.indSystem()).get(OPERATIONS + "/dead-letters"), 403, "forbidden");
    }

    @Test
    void shouldRefuseAnotherServicesAccount() {
        assertProblem(as(Tokens.notificationService()).get(OPERATIONS + "/dead-letters"), 403, "forbidden");
    }

    @Test
    void shouldRefuseATokenThatIsNotFromTheRealm() {
        Response response =
                as("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJub2JvZHkifQ.c2lnbmF0dXJl").get(OPERATIONS + "/dead-letters");

        assertProblem(response, 401, "unauthorized");
    }

    @Test
    void shouldNameTheSchemeItWantsWhenRefusingWithoutAToken() {
        given().get(OPERATIONS + "/dead-letters").then().statusCode(401).header("WWW-Authenticate", "Bearer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-token", "eyJhbGciOiJub25lIn0.e30.", "a.b.c"})
    void shouldAnswerAMalformedTokenAsNoToken(String token) {
        Response response = as(token).get(OPERATIONS + "/dead-letters");

        assertProblem(response, 401, "unauthorized");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"officer", "admin"})
    void shouldLetCountryOfficesAndAdminsListDeadLetters(String user) {
        as(Tokens.user(user)).get(OPERATIONS + "/dead-letters").then().statusCode(200);
    }

    @Test
    void shouldListAParkedRecordWithItsReasonButWithoutItsPayload() {
        String marker = park();

        JsonPath listed = officer()
                .queryParam("consumer", RecordingHandler.CONSUMER)
                .queryParam("limit", 1000)
                .get(OPERATIONS + "/dead-letters")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        Map<String, Object> letter = listed.getMap("find { it.key == '" + marker + "' }");
        assertThat(letter)
                .containsEntry("consumer", RecordingHandler.CONSUMER)
                .containsEntry("topic", Records.TOPIC)
                .containsEntry("reason", "contract violation: not understood yet")
                .doesNotContainKey("payload");
    }

    @Test
    void shouldShowOneDeadLetterWithItsPayloadAndHeaders() {
        String marker = park();
        long id = idOf(marker);

        JsonPath letter = officer()
                .get(OPERATIONS + "/dead-letters/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(letter.getString("payload")).contains(marker);
        assertThat(letter.getString("headers.ce_type")).isEqualTo("test.event.v1");
        assertThat(letter.getInt("partition")).isZero();
    }

    @Test
    void shouldAnswer404WhenTheDeadLetterIsUnknown() {
        assertProblem(officer().get(OPERATIONS + "/dead-letters/" + Long.MAX_VALUE), 404, "not-found");
    }

    @Test
    void shouldAnswer409WithTheReasonWhenAReplayStillFails() {
        long id = idOf(park());

        Response response = officer().post(OPERATIONS + "/dead-letters/" + id + "/replay");

        Problem problem = assertProblem(response, 409, "replay-failed");
        assertThat(problem.detail()).isEqualTo("contract violation: not understood yet");
        assertThat(deadLetters.find(id).orElseThrow().replayedAt).isNull();
    }

    @Test
    void shouldAnswer409WhenTheDeadLettersConsumerIsGone() {
        String marker = Records.marker();
        inbox.process(RETIRED, Records.of(new TestEvent(marker, "apply", 0)));
        long id = deadLetters.parked(RETIRED.consumer(), 1000).stream()
                .filter(d -> marker.equals(d.key))
                .findFirst()
                .orElseThrow()
                .id;

        Response response = officer().post(OPERATIONS + "/dead-letters/" + id + "/replay");

        Problem problem = assertProblem(response, 409, "replay-failed");
        assertThat(problem.detail()).isEqualTo("no consumer platform-test.retired here");
    }

    @Test
    void shouldApplyADeadLetterWhenItIsReplayedAfterTheFix() {
        String marker = park();
        long id = idOf(marker);
        handler.fixed(true);

        JsonPath replay = officer()
                .post(OPERATIONS + "/dead-letters/" + id + "/replay")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(replay.getLong("id")).isEqualTo(id);
        assertThat(replay.getString("outcome")).isEqualTo("APPLIED");
        assertThat(Records.effects(em, marker)).isEqualTo(1);
    }

    @Test
    void shouldAnswer404WhenReplayingAnUnknownDeadLetter() {
        assertProblem(officer().post(OPERATIONS + "/dead-letters/" + Long.MAX_VALUE + "/replay"), 404, "not-found");
    }

    @Test
    void shouldReplayTheNamedConsumersRecordsWhenReplayingAll() {
        String mine = park();
        long id = idOf(mine);
        handler.fixed(true);

        JsonPath replays = officer()
                .queryParam("consumer", RecordingHandler.CONSUMER)
                .post(OPERATIONS + "/dead-letters/replay")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(replays.getString("find { it.id == " + id + " }.outcome")).isEqualTo("APPLIED");
        assertThat(Records.effects(em, mine)).isEqualTo(1);
    }

    @Test
    void shouldLeaveOtherConsumersRecordsAloneWhenReplayingOneConsumer() {
        String retired = Records.marker();
        inbox.process(RETIRED, Records.of(new TestEvent(retired, "apply", 0)));
        long id = deadLetters.parked(RETIRED.consumer(), 1000).stream()
                .filter(d -> retired.equals(d.key))
                .findFirst()
                .orElseThrow()
                .id;

        officer()
                .queryParam("consumer", RecordingHandler.CONSUMER)
                .post(OPERATIONS + "/dead-letters/replay")
                .then()
                .statusCode(200);

        assertThat(deadLetters.find(id).orElseThrow().replayAttempts).isZero();
    }

    @Test
    void shouldCountParkedRecordsPerConsumer() {
        park();

        Map<String, Object> depth = officer()
                .get(OPERATIONS + "/dead-letters/depth")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");

        assertThat(((Number) depth.get(RecordingHandler.CONSUMER)).longValue())
                .isEqualTo(deadLetters.depth().get(RecordingHandler.CONSUMER))
                .isPositive();
    }

    @Test
    void shouldListEveryConsumerOfTheServiceInTheDepth() {
        Map<String, Object> depth = officer()
                .get(OPERATIONS + "/dead-letters/depth")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");

        assertThat(depth).containsKeys(deadLetters.consumers().toArray(String[]::new));
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(ints = {0, 1001})
    void shouldRefuseALimitOutOfRange(int limit) {
        Response response = officer().queryParam("limit", limit).get(OPERATIONS + "/dead-letters");

        Problem problem = assertProblem(response, 400, "validation");
        assertThat(problem.errors()).extracting(Problem.FieldError::path).containsExactly("limit");
    }

    @Test
    void shouldRefuseAConsumerNameThatCannotBeOne() {
        Response response = officer().queryParam("consumer", "NOT a name").get(OPERATIONS + "/dead-letters");

        Problem problem = assertProblem(response, 400, "validation");
        assertThat(problem.errors()).extracting(Problem.FieldError::path).containsExactly("consumer");
    }

    @Test
    void shouldListAParkedEventWithTheBrokersReason() {
        String key = "ops-" + Records.marker();
        long position = OutboxRows.parked(em, key, 0, 3);

        Map<String, Object> parked = officer()
                .queryParam("limit", 1000)
                .get(OPERATIONS + "/parked-events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("find { it.key == '" + key + "' }");

        assertThat(((Number) parked.get("position")).longValue()).isEqualTo(position);
        assertThat(parked)
                .containsEntry("topic", OutboxRows.TOPIC)
                .containsEntry("eventType", OutboxRows.TYPE)
                .containsEntry("attempts", 3)
                .containsEntry("lastError", "RecordTooLargeException: too large");
    }

    @Test
    void shouldReleaseAParkedEvent() {
        long position = OutboxRows.parked(em, "ops-" + Records.marker(), 0, 3);

        JsonPath released = officer()
                .post(OPERATIONS + "/parked-events/" + position + "/release")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(released.getLong("position")).isEqualTo(position);
        assertThat(released.getInt("attempts")).isZero();
        assertThat(released.getString("parkedAt")).isNull();
    }

    @Test
    void shouldAnswer404WhenReleasingAnEventThatIsNotParked() {
        assertProblem(officer().post(OPERATIONS + "/parked-events/" + Long.MAX_VALUE + "/release"), 404, "not-found");
    }

    /** Parks a record the test handler does not understand until fixed; returns its key. */
    private String park() {
        String marker = Records.marker();
        inbox.process(handler, Records.of(new TestEvent(marker, "until-fixed", 0)));
        return marker;
    }

    private long idOf(String marker) {
        return deadLetters.parked(RecordingHandler.CONSUMER, 1000).stream()
                .filter(d -> marker.equals(d.key))
                .findFirst()
                .orElseThrow()
                .id;
    }

    private static RequestSpecification officer() {
        return as(Tokens.user("officer"));
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static Problem assertProblem(Response response, int status, String type) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(Problem.MEDIA_TYPE);
        JsonPath body = response.jsonPath();
        assertThat(body.getString("type")).isEqualTo(Problem.type(type).toString());
        assertThat(body.getInt("status")).isEqualTo(status);
        List<Problem.FieldError> errors = body.getList("errors") == null
                ? null
                : body.getList("errors", Map.class).stream()
                        .map(e -> new Problem.FieldError((String) e.get("path"), (String) e.get("message")))
                        .toList();
        return new Problem(Problem.type(type), body.getString("title"), status, body.getString("detail"), errors, null);
    }
}
