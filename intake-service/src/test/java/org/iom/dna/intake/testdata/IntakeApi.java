package org.iom.dna.intake.testdata;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.iom.dna.intake.domain.CancellationReason;
import org.iom.dna.intake.rest.CancellationRequest;
import org.iom.dna.intake.rest.SamplingRequestSubmission;
import org.iom.dna.platform.messaging.OutboxEvent;
import org.iom.dna.testing.Tokens;

/** The intake API as the IND, staff and notification-service call it; bodies written with the application's ObjectMapper. */
@ApplicationScoped
public class IntakeApi {

    public static final String MERGE_PATCH = "application/merge-patch+json";
    public static final String PROBLEM = "application/problem+json";

    private final ObjectMapper json;

    IntakeApi(ObjectMapper json) {
        this.json = json;
    }

    public String json(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The JSON tree of a record, to add what the records cannot express (an unknown field, a wrong value). */
    public ObjectNode tree(Object body) {
        return json.valueToTree(body);
    }

    /** An empty merge patch to fill in; {@code putNull} removes a channel. */
    public ObjectNode patch() {
        return json.createObjectNode();
    }

    public ValidatableResponse submit(String token, SamplingRequestSubmission submission) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(json(submission))
                .post(Families.REQUESTS)
                .then();
    }

    public ValidatableResponse submit(SamplingRequestSubmission submission) {
        return submit(Tokens.indSystem(), submission);
    }

    /** Submits the case as the IND and returns its id. */
    public String submitted(SamplingRequestSubmission submission) {
        return submit(submission).statusCode(201).extract().path("id");
    }

    public String submitted() {
        return submitted(Families.motherAndSon());
    }

    public ValidatableResponse get(String token, String id) {
        return given().auth().oauth2(token).get(Families.REQUESTS + "/" + id).then();
    }

    public ValidatableResponse history(String token, String id) {
        return given().auth()
                .oauth2(token)
                .get(Families.REQUESTS + "/" + id + "/history")
                .then();
    }

    public String status(String id) {
        return get(Tokens.indSystem(), id).statusCode(200).extract().path("status");
    }

    public List<String> transitions(String id) {
        return history(Tokens.indSystem(), id).statusCode(200).extract().path("transitions.to");
    }

    public ValidatableResponse cancel(String token, String id, CancellationRequest cancellation) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(json(cancellation))
                .post(Families.REQUESTS + "/" + id + "/cancellation")
                .then();
    }

    public ValidatableResponse cancel(String id, CancellationReason reason) {
        return cancel(Tokens.indSystem(), id, new CancellationRequest(reason, null));
    }

    public static String contactPath(String id, String personRef) {
        return Families.REQUESTS + "/" + id + "/members/" + personRef + "/contact";
    }

    public static String internalContactPath(String id, String personRef) {
        return "/internal/v1/sampling-requests/" + id + "/members/" + personRef + "/contact";
    }

    public ValidatableResponse amend(String token, String id, String personRef, Object patch) {
        return given().auth()
                .oauth2(token)
                .contentType(MERGE_PATCH)
                .body(patch instanceof String text ? text : json(patch))
                .patch(contactPath(id, personRef))
                .then();
    }

    public ValidatableResponse amend(String id, String personRef, Object patch) {
        return amend(Tokens.indSystem(), id, personRef, patch);
    }

    public ValidatableResponse contact(String id, String personRef) {
        return given().auth()
                .oauth2(Tokens.notificationService())
                .get(internalContactPath(id, personRef))
                .then();
    }

    /** The events intake recorded for a case (its outbox rows, keyed by the case id), oldest first. */
    public List<OutboxEvent> events(String id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.<OutboxEvent>list("key = ?1 order by position", id));
    }

    public List<OutboxEvent> events(String id, String type) {
        return events(id).stream().filter(e -> type.equals(e.type)).toList();
    }
}
