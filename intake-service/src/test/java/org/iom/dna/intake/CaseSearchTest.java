package org.iom.dna.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseSearchTest {

    @Test
    void shouldPageThroughFilteredCasesInStableOrderWithTotal() {
        Instant from = Instant.now();
        for (int i = 0; i < 5; i++) {
            Families.submitted();
        }
        Instant to = Instant.now().plusSeconds(1);
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            List<String> ids = given().auth()
                    .oauth2(Tokens.user("officer"))
                    .queryParam("country", "ET")
                    .queryParam("status", "RECEIVED")
                    .queryParam("priority", "URGENT")
                    .queryParam("receivedFrom", from.toString())
                    .queryParam("receivedTo", to.toString())
                    .queryParam("sort", "receivedAt")
                    .queryParam("page", page)
                    .queryParam("size", 2)
                    .get(Families.REQUESTS)
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(5))
                    .body("items.country", everyItem(equalTo("ET")))
                    .extract()
                    .path("items.id");
            seen.addAll(ids);
        }
        assertEquals(5, seen.size());
        assertEquals(5, seen.stream().distinct().count(), "no case twice, none skipped");
    }

    @Test
    void shouldLetTheIndLookUpOnlyByItsReference() {
        String reference = Families.freshReference();
        String id = given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(Families.motherAndSon(reference))
                .post(Families.REQUESTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(Tokens.indSystem())
                .queryParam("indReference", reference)
                .get(Families.REQUESTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(id));
        given().auth()
                .oauth2(Tokens.indSystem())
                .queryParam("indReference", "IND-NOPE")
                .get(Families.REQUESTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(Tokens.indSystem()).get(Families.REQUESTS).then().statusCode(403);
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .get(Families.REQUESTS)
                .then()
                .statusCode(403);
        given().get(Families.REQUESTS).then().statusCode(401);
    }

    @Test
    void shouldRejectBadPagingAndSorting() {
        given().auth()
                .oauth2(Tokens.user("officer"))
                .queryParam("size", 1000)
                .get(Families.REQUESTS)
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("size"));
        given().auth()
                .oauth2(Tokens.user("officer"))
                .queryParam("sort", "familyName")
                .get(Families.REQUESTS)
                .then()
                .statusCode(400)
                .body("errors[0].path", equalTo("sort"));
        given().auth()
                .oauth2(Tokens.user("officer"))
                .queryParam("status", "HAPPY")
                .get(Families.REQUESTS)
                .then()
                .statusCode(greaterThanOrEqualTo(400));
    }

    @Test
    void shouldCreateExactlyOneRequestFromTwentyParallelIdenticalSubmissions() throws Exception {
        String reference = Families.freshReference();
        String body = Families.motherAndSon(reference);
        String token = Tokens.indSystem();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<int[]>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(() -> {
                    var response = given().auth()
                            .oauth2(token)
                            .contentType(ContentType.JSON)
                            .body(body)
                            .post(Families.REQUESTS)
                            .then()
                            .extract();
                    return new int[] {response.statusCode(), response.path("id").hashCode()};
                });
            }
            List<int[]> results = new ArrayList<>();
            for (Future<int[]> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            assertEquals(1, results.stream().filter(r -> r[0] == 201).count(), "exactly one created");
            assertEquals(19, results.stream().filter(r -> r[0] == 200).count(), "the others get the stored case");
            assertEquals(1, results.stream().map(r -> r[1]).distinct().count(), "all answers name the same case");
        } finally {
            pool.shutdownNow();
        }
        given().auth()
                .oauth2(Tokens.indSystem())
                .queryParam("indReference", reference)
                .get(Families.REQUESTS)
                .then()
                .body("total", equalTo(1));
    }
}
