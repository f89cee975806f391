package org.iom.dna.registry.support;

import static io.restassured.RestAssured.given;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.iom.dna.testing.Tokens;

/** Test days that no seeded holiday covers, whatever date the tests run on. */
public final class Days {

    private Days() {}

    /** The first given weekday at least {@code weeksAhead} weeks from now on which the centre is not closed. */
    public static LocalDate open(String centre, int weeksAhead, DayOfWeek weekday) {
        LocalDate day = LocalDate.now().plusWeeks(weeksAhead).with(weekday);
        List<Map<String, String>> closures = given().auth()
                .oauth2(Tokens.user("officer"))
                .queryParam("centreCode", centre)
                .queryParam("from", day.toString())
                .queryParam("to", day.plusWeeks(10).toString())
                .get("/api/v1/closures")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
        while (covered(closures, day)) {
            day = day.plusWeeks(1);
        }
        return day;
    }

    /** The given weekday at least {@code weeksAhead} weeks after today in the zone (for centres without holidays). */
    public static LocalDate ahead(ZoneId zone, int weeksAhead, DayOfWeek weekday) {
        return LocalDate.now(zone).plusWeeks(weeksAhead).with(TemporalAdjusters.nextOrSame(weekday));
    }

    private static boolean covered(List<Map<String, String>> closures, LocalDate day) {
        return closures.stream()
                .anyMatch(c -> !day.isBefore(LocalDate.parse(c.get("firstDay")))
                        && !day.isAfter(LocalDate.parse(c.get("lastDay"))));
    }
}
