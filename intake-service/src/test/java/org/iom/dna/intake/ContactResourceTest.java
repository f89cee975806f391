package org.iom.dna.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ContactResourceTest {

    @Test
    void shouldGiveContactDetailsOnlyToNotificationService() {
        String id = given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(Families.motherAndSon(Families.freshReference()))
                .post("/api/v1/sampling-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String contact = "/internal/v1/sampling-requests/" + id + "/members/P-1/contact";

        given().auth()
                .oauth2(Tokens.notificationService())
                .queryParam("purpose", "appointment-confirmation")
                .get(contact)
                .then()
                .statusCode(200)
                .body("phone", equalTo("+251911234567"))
                .body("email", equalTo("selam@example.org"))
                .body("language", equalTo("ti"));

        given().auth().oauth2(Tokens.indSystem()).get(contact).then().statusCode(403);
        given().get(contact).then().statusCode(401);
        given().auth()
                .oauth2(Tokens.notificationService())
                .get("/internal/v1/sampling-requests/" + id + "/members/P-404/contact")
                .then()
                .statusCode(404);
    }
}
