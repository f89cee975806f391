package org.iom.dna.intake;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.UUID;
import org.iom.dna.testing.Tokens;

/** Request bodies for tests: a mother with her son of about 9, in Ethiopia. */
final class Families {

    static final String REQUESTS = "/api/v1/sampling-requests";

    private Families() {}

    static String freshReference() {
        return "IND-TEST-" + UUID.randomUUID();
    }

    static String motherAndSon(String indReference) {
        return motherAndSon(indReference, "+251911234567");
    }

    static String motherAndSon(String indReference, String phone) {
        return """
                {
                  "indReference": "%s",
                  "caseNumber": "V123456789",
                  "priority": "URGENT",
                  "deadline": "%s",
                  "country": "ET",
                  "note": "Calls after 18:00 only",
                  "members": [
                    {"personRef": "P-1", "givenName": "Selam", "familyName": "Tesfay", "dateOfBirth": "1991",
                     "sex": "FEMALE", "relationship": "SPOUSE", "nationality": "ER", "currentCountry": "ET",
                     "currentCity": "Shire",
                     "contact": {"phone": "%s", "email": "selam@example.org"},
                     "preferredLanguage": "ti", "needs": {"interpreter": true, "accessibility": false, "medical": false}},
                    {"personRef": "P-2", "givenName": "Robel", "familyName": "Tesfay", "dateOfBirth": "2017-03",
                     "sex": "MALE", "relationship": "CHILD", "nationality": "ER", "currentCountry": "ET",
                     "preferredLanguage": "ti", "accompaniedBy": "P-1"}
                  ]
                }
                """.formatted(indReference, LocalDate.now().plusMonths(3), phone);
    }

    /** Submits a fresh mother-and-son case as the IND and returns its id. */
    static String submitted() {
        return given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(motherAndSon(freshReference()))
                .post(REQUESTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
