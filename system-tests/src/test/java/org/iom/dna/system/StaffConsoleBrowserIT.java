package org.iom.dna.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The staff console in a real browser against the running suite. The IND submits a family; a country officer
 * moves it by hand to a slot the Addis Ababa centre opened for later today; the centre's staff check the mother in
 * and record her sample (with JavaScript, the row updates in place), the son's arrival with JavaScript off, and
 * intake then shows the outcome; another centre's day answers as absent; the Arabic page runs right to left. Every
 * main page is checked with axe-core and saved as a screenshot under target/staff-console.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffConsoleBrowserIT {

    private static final String SCHEDULING = System.getProperty("dna.scheduling.url", "http://localhost:8082");
    private static final String REGISTRY = System.getProperty("dna.registry.url", "http://localhost:8083");
    private static final String CENTRE = "ET-ADD";
    private static final ZoneId ADDIS = ZoneId.of("Africa/Addis_Ababa");

    private static String requestId;
    private static LocalDate today;
    private static String mother;
    private static String son;
    /** The slot this run opened at the centre today. */
    private static String slotId;
    /** The appointment the officer's move made: the day list's rows are named after it. */
    private static String appointmentId;

    @BeforeAll
    static void aFamilyAndASlotLaterToday() {
        ZonedDateTime now = ZonedDateTime.now(ADDIS);
        today = now.toLocalDate();
        // The slot starts 20 minutes from now, on a 5-minute mark, and ends the same day (attendance is recorded on
        // the appointment day only, and the centre's day is its own).
        LocalTime start = now.toLocalTime()
                .plusMinutes(20 + 5 - now.getMinute() % 5)
                .withSecond(0)
                .withNano(0);
        Assumptions.assumeTrue(
                now.toLocalTime().isBefore(LocalTime.of(22, 30)),
                "after 22:30 in Addis Ababa no slot can start and end later today");
        // A minute of its own: an earlier run today may have opened a slot at the first one tried.
        for (int minute = 0; slotId == null && minute < 30; minute++) {
            var answer = given().auth()
                    .oauth2(Tokens.user("staff-addis"))
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "localDate",
                            today.toString(),
                            "localStart",
                            start.plusMinutes(minute).toString(),
                            "minutes",
                            30,
                            "capacity",
                            2))
                    .post(REGISTRY + "/api/v1/centres/" + CENTRE + "/slots")
                    .then()
                    .statusCode(anyOf(equalTo(201), equalTo(409)))
                    .extract();
            if (answer.statusCode() == 201) {
                slotId = answer.path("id");
            } else {
                // Only "a slot already starts then" moves on to the next minute; a closure today ends the test.
                String title = answer.path("title");
                Assumptions.assumeTrue(
                        "A slot already starts then".equals(title), CENTRE + " cannot open a slot today: " + title);
            }
        }
        assertNotNull(slotId, "no free minute for a slot at " + CENTRE + " after " + start);

        Map<String, Object> family = Ind.exampleFamily("IND-CONSOLE");
        requestId = Ind.submit(family, Map.of()).extract().path("id");
        Ind.awaitStatus(requestId, "SCHEDULED");
        List<Map<String, Object>> members = given().auth()
                .oauth2(Tokens.user("officer"))
                .get(SCHEDULING + "/api/v1/families/" + requestId)
                .then()
                .statusCode(200)
                .extract()
                .path("appointment.members");
        assertEquals(2, members.size(), "the example family is a mother and her son");
        mother = (String) members.get(0).get("memberRef");
        son = (String) members.get(1).get("memberRef");
    }

    /**
     * Frees the family's places when the test stopped before a sample was taken; once the mother is sampled the IND
     * can no longer withdraw the case (409), and today's list closes on its own after the day.
     */
    @AfterAll
    static void withdrawTheFamily() {
        if (requestId != null) {
            given().auth()
                    .oauth2(Tokens.indSystem())
                    .contentType(ContentType.JSON)
                    .body(Map.of("reason", "WITHDRAWN_BY_APPLICANT"))
                    .post(Ind.INTAKE + "/api/v1/sampling-requests/" + requestId + "/cancellation")
                    .then()
                    .statusCode(anyOf(equalTo(200), equalTo(409)));
        }
    }

    /** The id of a member's row in the day list. */
    private static String row(String memberRef) {
        return "m-" + appointmentId + "-" + memberRef;
    }

    @Test
    @Order(1)
    void shouldLetACountryOfficerMoveAFamilyToAnotherDay() throws IOException {
        try (StaffBrowser officer = StaffBrowser.signIn("officer", "/families/" + requestId, true)) {
            assertTrue(officer.heading().contains(requestId), officer.heading());
            officer.screenshot("family");
            officer.assertAccessible("the family page");

            // The slot reaches scheduling through Kafka: the move may first be refused as "no open slot".
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> {
                        officer.find("#centreCode").clear();
                        officer.find("#centreCode").sendKeys(CENTRE);
                        officer.driver.executeScript(
                                "arguments[0].value = arguments[1]", officer.find("#localDate"), today.toString());
                        officer.submit(officer.find("#move-submit"));
                        assertTrue(
                                officer.find("#current-appointment").getText().contains(CENTRE),
                                officer.find("main").getText());
                        assertTrue(
                                officer.find("#notice").getText().contains(CENTRE),
                                officer.find("main").getText());
                    });
            officer.screenshot("family-moved");

            // Rebooked, as scheduling itself says.
            appointmentId = given().auth()
                    .oauth2(Tokens.user("officer"))
                    .get(SCHEDULING + "/api/v1/families/" + requestId)
                    .then()
                    .body("appointment.centreCode", equalTo(CENTRE))
                    .body("appointment.localDate", equalTo(today.toString()))
                    .extract()
                    .path("appointment.id");

            officer.open("/");
            officer.screenshot("home-country-office");
            officer.assertAccessible("the country office's home page");
            officer.open("/countries/ET/waitlist");
            officer.screenshot("waitlist");
            officer.assertAccessible("the waitlist");
            officer.open("/optimiser-runs");
            officer.screenshot("optimiser-runs");
            officer.assertAccessible("the re-planning runs");
            officer.open("/dead-letters");
            officer.screenshot("dead-letters");
            officer.assertAccessible("the dead letters");

            // A closure far beyond the published weeks (it withdraws no slot), then removed again.
            officer.open("/countries/ET/closures");
            officer.assertAccessible("the closures");
            LocalDate farAhead = today.plusDays(300);
            officer.find("#centreCode").sendKeys(CENTRE);
            officer.driver.executeScript(
                    "arguments[0].value = arguments[1]; arguments[2].value = arguments[1]",
                    officer.find("#firstDay"),
                    farAhead.toString(),
                    officer.find("#lastDay"));
            String description = "E2E closure " + UUID.randomUUID();
            officer.find("#description").sendKeys(description);
            officer.find("#closure-submit").click();
            officer.wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//tr[td[contains(., '" + description + "')]]")));
            officer.screenshot("closures");
            String row = "//tr[td[contains(., '" + description + "')]]";
            officer.submit(officer.driver.findElement(By.xpath(row + "//button")));
            officer.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath(row)));
            assertTrue(officer.find("#notice").getText().length() > 0, "the removal is said");

            // Signing out ends the Keycloak session too: the next page asks for the password again.
            officer.driver.findElement(By.linkText("Sign out")).click();
            officer.driver.get(StaffBrowser.CONSOLE + "/");
            officer.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password")));
        }
    }

    @Test
    @Order(2)
    void shouldLetMhacStaffCheckAFamilyInAndRecordTheSample() throws IOException {
        try (StaffBrowser staff = StaffBrowser.signIn("staff-addis", "/", true)) {
            staff.screenshot("home-mhac");
            staff.assertAccessible("the MHAC home page");
            staff.driver
                    .findElement(By.cssSelector("a[href='/centres/" + CENTRE + "/days/" + today + "']"))
                    .click();
            staff.wait.until(ExpectedConditions.presenceOfElementLocated(By.id(row(mother))));
            StaffBrowser.Weight weight = staff.weight();
            int families =
                    staff.driver.findElements(By.cssSelector("section.family")).size();
            staff.screenshot("day-list");
            staff.assertAccessible("the day list");

            // A form sent without the page's CSRF token (as another site could make the browser send it) is refused.
            Object forged = staff.driver.executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch(location.pathname + '/attendance', {method: 'POST', redirect: 'manual',"
                            + " headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                            + " body: 'appointmentId=' + arguments[0] + '&memberRef=' + arguments[1]"
                            + " + '&attendance=NO_SHOW'}).then(r => done(r.status), e => done(String(e)));",
                    appointmentId,
                    son);
            assertEquals(400L, forged, "a form without the CSRF token");

            // Check in, then the sample: htmx replaces the family's block in place.
            staff.find("#" + row(mother) + "-idc").click();
            staff.find("#" + row(mother) + "-checkin").click();
            staff.wait.until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id(row(mother) + "-att"), "Checked in"));
            staff.find("#" + row(mother) + "-ids").click();
            staff.find("#" + row(mother) + "-kit").sendKeys("KIT-E2E-" + System.nanoTime() % 1_000_000);
            staff.find("#" + row(mother) + "-sampled").click();
            staff.wait.until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id(row(mother) + "-att"), "Sampled"));
            staff.screenshot("day-list-sampled");

            // A sample without a kit number is refused by scheduling, and the reason is shown beside the member.
            staff.find("#" + row(son) + "-ids").click();
            staff.find("#" + row(son) + "-sampled").click();
            staff.wait.until(ExpectedConditions.presenceOfElementLocated(By.id(row(son) + "-problem")));
            assertTrue(
                    staff.find("#" + row(son) + "-problem")
                            .getText()
                            .toLowerCase()
                            .contains("kit"),
                    staff.find("#" + row(son) + "-problem").getText());

            // More places in the slot this run opened: the registry takes the version the page read.
            staff.open("/centres/" + CENTRE + "/slots?date=" + today);
            staff.screenshot("slots");
            staff.assertAccessible("the slots page");
            staff.find("#cap-" + slotId).clear();
            staff.find("#cap-" + slotId).sendKeys("3");
            staff.find("#save-" + slotId).click();
            staff.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "1"));
            assertEquals("3", staff.find("#cap-" + slotId).getAttribute("value"));

            // Another centre's day is absent for Addis Ababa's staff.
            staff.open("/centres/LB-BEY/days/" + today);
            assertEquals("Not found", staff.heading());
            staff.screenshot("other-centre");

            // Arabic, right to left, and still accessible.
            staff.open("/centres/" + CENTRE + "/days/" + today + "?lang=ar");
            assertEquals("rtl", staff.find("html").getAttribute("dir"));
            assertEquals("ar", staff.find("html").getAttribute("lang"));
            staff.screenshot("day-list-ar");
            staff.assertAccessible("the Arabic day list");

            // The console's session ended (its cookies gone; Keycloak's, under its own path, stay): a form htmx sends
            // in the background gets 499, and the page is loaded again through Keycloak, which signs the user back in.
            staff.open("/centres/" + CENTRE + "/days/" + today + "?lang=en");
            staff.driver.executeScript("window.beforeTheSessionEnded = true");
            staff.driver.manage().deleteAllCookies();
            staff.find("#" + row(son) + "-checkin").click();
            staff.wait.until(d -> staff.driver
                    .executeScript(
                            "return window.beforeTheSessionEnded === undefined"
                                    + " && document.getElementById(arguments[0]) !== null",
                            row(son))
                    .equals(Boolean.TRUE));
            assertEquals(
                    "Expected", staff.find("#" + row(son) + "-att").getText(), "nothing recorded without a session");

            Files.createDirectories(StaffBrowser.OUTPUT);
            String report = String.format(
                    "day list with %d famil(ies): document %d bytes sent (%d unpacked), %d resources %d bytes;"
                            + " first visit %d bytes (target 50 KB)%n",
                    families,
                    weight.document(),
                    weight.documentDecoded(),
                    weight.resourceCount(),
                    weight.resources(),
                    weight.total());
            Files.writeString(StaffBrowser.OUTPUT.resolve("page-weight.txt"), report);
            System.out.print("staff console page weight: " + report);
            assertTrue(weight.total() < 50 * 1024, report);
        }

        // Intake shows the IND the mother's outcome.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(Tokens.indSystem())
                        .get(Ind.INTAKE + "/api/v1/sampling-requests/" + requestId)
                        .then()
                        .body("members.find { it.personRef == '" + mother + "' }.outcome", equalTo("SAMPLED")));
    }

    @Test
    @Order(3)
    void shouldWorkWithJavaScriptOff() throws IOException {
        try (StaffBrowser staff = StaffBrowser.signIn("staff-addis", "/centres/" + CENTRE + "/days/" + today, false)) {
            staff.find("#" + row(son) + "-idc").click();
            staff.find("#" + row(son) + "-checkin").click();
            // The form posts, the console answers "see other", and the day list shows the son checked in.
            staff.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), son));
            assertEquals("Checked in", staff.find("#" + row(son) + "-att").getText());
            staff.screenshot("day-list-no-javascript");
        }
    }
}
