package org.iom.dna.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iom.dna.testing.Tokens;
import org.iom.dna.testing.TopicProbe;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SamplingRequestResourceTest {

    private static final String REQUESTS = "/api/v1/sampling-requests";

    @Test
    void shouldStoreFamilyAndPublishReceivedEventWithoutPersonalData() {
        try (TopicProbe topic = TopicProbe.open("test.intake.sampling-requests.v1")) {
            String id = given().auth()
                    .oauth2(Tokens.indSystem())
                    .contentType(ContentType.JSON)
                    .body(Families.motherAndSon(Families.freshReference()))
                    .post(REQUESTS)
                    .then()
                    .statusCode(201)
                    .header("Location", containsString(REQUESTS + "/"))
                    .body("status", equalTo("RECEIVED"))
                    .body("members.personRef", hasItems("P-1", "P-2"))
                    .body("members[1].minor", equalTo(true))
                    .body("members[1].ageOnDeadline", equalTo(9))
                    .extract()
                    .path("id");

            given().auth()
                    .oauth2(Tokens.user("officer"))
                    .get(REQUESTS + "/" + id)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("RECEIVED"))
                    .body(not(containsString("Selam")));

            ConsumerRecord<String, String> event = topic.await(r -> id.equals(r.key()), Duration.ofSeconds(20));
            assertEquals("org.iom.dna.intake.SamplingRequestReceived.v1", TopicProbe.header(event, "ce_type"));
            assertEquals("/intake-service", TopicProbe.header(event, "ce_source"));
            for (String personal :
                    new String[] {"Selam", "Tesfay", "+251911234567", "selam@example.org", "Shire", "18:00"}) {
                assertFalse(event.value().contains(personal), "event must not carry " + personal);
            }
        }
    }

    @Test
    void shouldReturnStoredRequestWhenIndResendsSameContent() {
        String body = Families.motherAndSon(Families.freshReference());
        String id = given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(body)
                .post(REQUESTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(body)
                .post(REQUESTS)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
    }

    @Test
    void shouldRejectSameReferenceWithDifferentContent() {
        String reference = Families.freshReference();
        String id = given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(Families.motherAndSon(reference))
                .post(REQUESTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(Families.motherAndSon(reference, "+251911765432"))
                .post(REQUESTS)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("existing", endsWith(id));
    }

    @Test
    void shouldListEveryViolationWithItsJsonPathAndNoPersonalData() {
        String body = Families.motherAndSon(Families.freshReference(), "+99977")
                .replace("\"accompaniedBy\": \"P-1\"", "\"accompaniedBy\": null");
        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(body)
                .post(REQUESTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.path", hasItem("$.members[0].contact.phone"))
                .body(not(containsString("99977")));

        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(Families.motherAndSon(Families.freshReference())
                        .replace("\"accompaniedBy\": \"P-1\"", "\"accompaniedBy\": null"))
                .post(REQUESTS)
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("$.members[1].accompaniedBy"));
    }

    @Test
    void shouldExplainCrossFieldRulesWithPaths() {
        String body = Families.motherAndSon(Families.freshReference())
                .replace(
                        "\"country\": \"ET\",",
                        "\"country\": \"ET\", \"adHocLocation\": {\"country\": \"ET\", \"city\": \"Mekelle\"},")
                .replace("\"personRef\": \"P-2\"", "\"personRef\": \"P-1\"")
                .replace("\"contact\": {\"phone\": \"+251911234567\", \"email\": \"selam@example.org\"},", "");
        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(body)
                .post(REQUESTS)
                .then()
                .statusCode(400)
                .body("errors.path", hasItems("$.country", "$.members[1].personRef", "$.members"))
                .body(not(containsString("Mekelle")));
    }

    @Test
    void shouldRejectOversizedBody() {
        String padding = "x".repeat(300 * 1024);
        String body = Families.motherAndSon(Families.freshReference()).replace("Calls after 18:00 only", padding);
        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(body)
                .post(REQUESTS)
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRejectUnknownFields() {
        String body = Families.motherAndSon(Families.freshReference())
                .replace("\"caseNumber\"", "\"favouriteColour\": \"red\", \"caseNumber\"");
        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(body)
                .post(REQUESTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].path", equalTo("$.favouriteColour"));
    }

    @Test
    void shouldRequireToken() {
        given().contentType(ContentType.JSON)
                .body(Families.motherAndSon(Families.freshReference()))
                .post(REQUESTS)
                .then()
                .statusCode(401);
    }

    @Test
    void shouldForbidCountryOfficeToSubmit() {
        given().auth()
                .oauth2(Tokens.user("officer"))
                .contentType(ContentType.JSON)
                .body(Families.motherAndSon(Families.freshReference()))
                .post(REQUESTS)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswer404ForUnknownRequest() {
        given().auth()
                .oauth2(Tokens.indSystem())
                .get(REQUESTS + "/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("exception", nullValue());
    }
}
