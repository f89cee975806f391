package org.iom.dna.registry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.iom.dna.events.CentreChangedV1;
import org.iom.dna.platform.rest.Problem;
import org.iom.dna.registry.domain.CentreStatus;
import org.iom.dna.registry.domain.Facility;
import org.iom.dna.registry.support.Fixtures;
import org.iom.dna.testing.Tokens;
import org.junit.jupiter.api.Test;

/** Country offices create and change centres over HTTP, with If-Match; everyone signed in reads them. */
@QuarkusTest
class CentreResourceTest {

    private static final String CENTRES = "/api/v1/centres";
    private static final String ZONE = "Africa/Addis_Ababa";

    @Inject
    Fixtures fixtures;

    private static CentreRequest gondar(String country, CentreStatus status, String zone, List<String> languages) {
        return new CentreRequest(
                "IOM MHAC Gondar",
                country,
                "Gondar",
                true,
                null,
                zone,
                languages,
                List.of(Facility.WHEELCHAIR_ACCESS),
                status,
                List.of(
                        new CentreRequest.Day(DayOfWeek.WEDNESDAY, LocalTime.of(8, 0), LocalTime.of(16, 30)),
                        new CentreRequest.Day(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0))),
                "mhac-gondar@iom.example");
    }

    private static CentreRequest gondar(String country) {
        return gondar(country, CentreStatus.ACTIVE, ZONE, List.of("am", "ti"));
    }

    private static CentreRequest withFacilities(CentreRequest r, List<Facility> facilities) {
        return new CentreRequest(
                r.name(),
                r.country(),
                r.city(),
                r.cityAssumed(),
                r.address(),
                r.zone(),
                r.languages(),
                facilities,
                r.status(),
                r.workingWeek(),
                r.dayListEmail());
    }

    private ValidatableResponse put(String user, String code, String ifMatch, CentreRequest body) {
        var request = given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.body(fixtures.json(body)).put(CENTRES + "/" + code).then();
    }

    /** A centre created over HTTP, in a country of its own; returns its code. */
    private String created() {
        String country = fixtures.freeCountry();
        String code = fixtures.freeCode(country);
        put("admin", code, null, gondar(country)).statusCode(201);
        return code;
    }

    private static String country(String code) {
        return code.substring(0, 2);
    }

    // --- reading

    @Test
    void shouldListTheSeededCentresWithTheirZones() {
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get(CENTRES)
                .then()
                .statusCode(200)
                .body(
                        "code",
                        hasItems(
                                "ET-ADD", "ET-SHI", "ET-JIJ", "IR-THR", "LB-BEY", "SD-PZU", "SD-KRT", "TR-IST",
                                "TR-ANK"))
                .body("find { it.code == 'IR-THR' }.zone", equalTo("Asia/Tehran"))
                .body("find { it.code == 'LB-BEY' }.zone", equalTo("Asia/Beirut"));
    }

    @Test
    void shouldListOnlyTheirOwnCentresToMhacStaff() {
        given().auth()
                .oauth2(Tokens.user("staff-beirut"))
                .get(CENTRES)
                .then()
                .statusCode(200)
                .body("code", hasItems("LB-BEY"))
                .body("code", org.hamcrest.Matchers.not(hasItems("ET-ADD")));
    }

    @Test
    void shouldAnswerStaffAboutAnotherCentreAsIfItDidNotExist() {
        String other = given().auth()
                .oauth2(Tokens.user("staff-beirut"))
                .get(CENTRES + "/ET-ADD")
                .then()
                .statusCode(404)
                .extract()
                .jsonPath()
                .getString("type");
        String none = given().auth()
                .oauth2(Tokens.user("staff-beirut"))
                .get(CENTRES + "/" + fixtures.freeCode("ET"))
                .then()
                .statusCode(404)
                .extract()
                .jsonPath()
                .getString("type");

        assertThat(other).isEqualTo(none);
    }

    @Test
    void shouldNotLetTheIndReadTheCentres() {
        given().auth().oauth2(Tokens.indSystem()).get(CENTRES).then().statusCode(401);
        given().auth()
                .oauth2(Tokens.indSystem())
                .get(CENTRES + "/ET-ADD")
                .then()
                .statusCode(401);
    }

    @Test
    void shouldLetNotificationServiceReadEveryCentreForTheDayLists() {
        given().auth()
                .oauth2(Tokens.notificationService())
                .get(CENTRES)
                .then()
                .statusCode(200)
                .body("code", hasItems("ET-ADD", "LB-BEY"))
                .body("find { it.code == 'ET-ADD' }.dayListEmail", equalTo("et-add@mhac.iom.example"));
    }

    @Test
    void shouldListTheIranianSaturdayToThursdayWeek() {
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get(CENTRES)
                .then()
                .statusCode(200)
                .body(
                        "find { it.code == 'IR-THR' }.workingWeek.dayOfWeek",
                        contains("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "SATURDAY", "SUNDAY"))
                .body(
                        "find { it.code == 'IR-THR' }.workingWeek.find { it.dayOfWeek == 'THURSDAY' }.closes",
                        equalTo("12:30:00"));
    }

    @Test
    void shouldListTheSudaneseSundayToThursdayWeek() {
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get(CENTRES)
                .then()
                .statusCode(200)
                .body(
                        "find { it.code == 'SD-PZU' }.workingWeek.dayOfWeek",
                        contains("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "SUNDAY"));
    }

    @Test
    void shouldRefuseTheListWithoutAToken() {
        given().get(CENTRES).then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldReadOneCentreWithItsVersionAsETag() {
        String code = created();

        given().auth()
                .oauth2(Tokens.user("officer"))
                .get(CENTRES + "/" + code)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("code", equalTo(code))
                .body("cityAssumed", equalTo(true))
                .body("languages", contains("am", "ti"));
    }

    @Test
    void shouldShowTheWorkingWeekFromMondayOn() {
        String code = created();

        given().auth()
                .oauth2(Tokens.user("officer"))
                .get(CENTRES + "/" + code)
                .then()
                .statusCode(200)
                .body("workingWeek.dayOfWeek", contains("MONDAY", "WEDNESDAY"))
                .body("workingWeek[0].closes", equalTo("12:00:00"));
    }

    @Test
    void shouldAnswerAnUnknownCentreWithANotFoundProblem() {
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get(CENTRES + "/" + fixtures.freeCode("ET"))
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("not-found").toString()));
    }

    // --- creating

    @Test
    void shouldCreateANewCentreWithItsLocation() {
        String country = fixtures.freeCountry();
        String code = fixtures.freeCode(country);

        put("officer", code, null, gondar(country))
                .statusCode(201)
                .header("Location", endsWith(CENTRES + "/" + code))
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void shouldShowNoLanguagesForACentreWithoutInterpreters() {
        String country = fixtures.freeCountry();
        String code = fixtures.freeCode(country);

        put("admin", code, null, gondar(country, CentreStatus.ACTIVE, ZONE, List.of()))
                .statusCode(201)
                .body("languages", org.hamcrest.Matchers.empty());
    }

    @Test
    void shouldPublishTheCreatedCentre() {
        String code = created();

        assertThat(fixtures.events(code, CentreChangedV1.TYPE, CentreChangedV1.class))
                .singleElement()
                .satisfies(e -> assertThat(e.name()).isEqualTo("IOM MHAC Gondar"));
    }

    @Test
    void shouldRefuseACentreInAZoneGivenAsAnOffset() {
        String country = fixtures.freeCountry();

        put("admin", fixtures.freeCode(country), null, gondar(country, CentreStatus.ACTIVE, "+03:00", List.of("am")))
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("validation").toString()))
                .body("errors.path", contains("$.zone"));
    }

    @Test
    void shouldRefuseACountryThatIsNotTheCodesPrefix() {
        put("admin", fixtures.freeCode(fixtures.freeCountry()), null, gondar("ET"))
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.path", contains("$.country"));
    }

    @Test
    void shouldRefuseACodeThatDoesNotLookLikeACentreCode() {
        put("admin", "et-gon", null, gondar("ET"))
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.path", contains("code"));
    }

    @Test
    void shouldKeepTheMailboxTheDayListGoesTo() {
        String country = fixtures.freeCountry();
        String code = fixtures.freeCode(country);
        put("admin", code, null, gondar(country)).statusCode(201);

        given().auth()
                .oauth2(Tokens.user("officer"))
                .get(CENTRES + "/" + code)
                .then()
                .statusCode(200)
                .body("dayListEmail", org.hamcrest.Matchers.equalTo("mhac-gondar@iom.example"));
    }

    @Test
    void shouldRefuseADayListMailboxThatIsNoAddress() {
        String country = fixtures.freeCountry();
        CentreRequest valid = gondar(country);
        CentreRequest invalid = new CentreRequest(
                valid.name(),
                valid.country(),
                valid.city(),
                valid.cityAssumed(),
                valid.address(),
                valid.zone(),
                valid.languages(),
                valid.facilities(),
                valid.status(),
                valid.workingWeek(),
                "not an address");

        put("admin", fixtures.freeCode(country), null, invalid)
                .statusCode(400)
                .body("errors.path", contains("$.dayListEmail"));
    }

    @Test
    void shouldRefuseAnEmptyWorkingWeek() {
        String country = fixtures.freeCountry();
        CentreRequest noDays = new CentreRequest(
                "IOM MHAC Gondar",
                country,
                "Gondar",
                false,
                null,
                ZONE,
                List.of(),
                List.of(),
                CentreStatus.ACTIVE,
                List.of(),
                null);

        put("admin", fixtures.freeCode(country), null, noDays)
                .statusCode(400)
                .body("errors.path", contains("$.workingWeek"));
    }

    @Test
    void shouldNameTheLanguageThatIsNotALanguageTag() {
        String country = fixtures.freeCountry();

        put(
                        "admin",
                        fixtures.freeCode(country),
                        null,
                        gondar(country, CentreStatus.ACTIVE, ZONE, List.of("am", "Tigrinya")))
                .statusCode(400)
                .body("errors.path", contains("$.languages[1]"));
    }

    @Test
    void shouldNotCreateAnythingForAnInvalidCentre() {
        String country = fixtures.freeCountry();
        String code = fixtures.freeCode(country);

        put("admin", code, null, gondar(country, CentreStatus.ACTIVE, "GMT", List.of()))
                .statusCode(400);

        given().auth()
                .oauth2(Tokens.user("admin"))
                .get(CENTRES + "/" + code)
                .then()
                .statusCode(404);
    }

    // --- changing

    @Test
    void shouldReplaceACentreWhenIfMatchNamesItsVersion() {
        String code = created();

        put("officer", code, "\"0\"", gondar(country(code), CentreStatus.SUSPENDED, ZONE, List.of("am")))
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("SUSPENDED"))
                .body("languages", contains("am"));
    }

    @Test
    void shouldAcceptAWeakETagInIfMatch() {
        String code = created();

        put("officer", code, "W/\"0\"", gondar(country(code))).statusCode(200);
    }

    @Test
    void shouldRequireIfMatchToChangeAnExistingCentre() {
        String code = created();

        put("officer", code, null, gondar(country(code), CentreStatus.CLOSED, ZONE, List.of()))
                .statusCode(428)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("precondition-required").toString()));
    }

    @Test
    void shouldRefuseAChangeBasedOnAnOldVersion() {
        String code = created();
        put("officer", code, "\"0\"", gondar(country(code), CentreStatus.SUSPENDED, ZONE, List.of()))
                .statusCode(200);

        put("officer", code, "\"0\"", gondar(country(code), CentreStatus.CLOSED, ZONE, List.of()))
                .statusCode(412)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("stale-write").toString()));
    }

    @Test
    void shouldRefuseAnIfMatchThatNamesNoVersion() {
        String code = created();

        put("officer", code, "\"yesterday\"", gondar(country(code)))
                .statusCode(412)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldKeepTheCentreUnchangedAfterAStaleWrite() {
        String code = created();

        put("officer", code, "\"5\"", gondar(country(code), CentreStatus.CLOSED, ZONE, List.of()));

        given().auth()
                .oauth2(Tokens.user("officer"))
                .get(CENTRES + "/" + code)
                .then()
                .body("status", equalTo("ACTIVE"))
                .header("ETag", equalTo("\"0\""));
    }

    @Test
    void shouldRefuseAZoneChangeWhileTheCentreHasFutureSlotsAsAConflict() {
        String code = fixtures.centre(ZONE, Fixtures.mondayToFriday());
        fixtures.template(code, DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(9, 30), 30, 1);
        var monday = org.iom.dna.registry.support.Days.ahead(java.time.ZoneId.of(ZONE), 2, DayOfWeek.MONDAY);
        fixtures.generate(code, monday, monday);

        put("officer", code, "\"0\"", gondar(country(code), CentreStatus.ACTIVE, "Africa/Nairobi", List.of()))
                .statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("zone-in-use").toString()));
    }

    // --- who may

    @Test
    void shouldRefuseMhacStaffCreatingACentre() {
        String country = fixtures.freeCountry();

        put("staff-addis", fixtures.freeCode(country), null, gondar(country))
                .statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldRefuseMhacStaffChangingTheirOwnCentre() {
        given().auth()
                .oauth2(Tokens.user("staff-addis"))
                .header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(fixtures.json(gondar("ET")))
                .put(CENTRES + "/ET-ADD")
                .then()
                .statusCode(403)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldRefuseTheIndChangingACentre() {
        given().auth()
                .oauth2(Tokens.indSystem())
                .contentType(ContentType.JSON)
                .body(fixtures.json(gondar("ET")))
                .put(CENTRES + "/" + fixtures.freeCode("ET"))
                .then()
                .statusCode(401);
    }

    @Test
    void shouldRefuseAChangeWithoutAToken() {
        given().contentType(ContentType.JSON)
                .body(fixtures.json(gondar("ET")))
                .put(CENTRES + "/" + fixtures.freeCode("ET"))
                .then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldLetAnAdminCreateACentre() {
        String country = fixtures.freeCountry();

        put("admin", fixtures.freeCode(country), null, gondar(country)).statusCode(201);
    }

    @Test
    void shouldListCentresCreatedMeanwhile() {
        String code = created();

        given().auth()
                .oauth2(Tokens.user("officer"))
                .get(CENTRES)
                .then()
                .statusCode(200)
                .body("code", hasItem(code));
    }

    // --- facilities

    @Test
    void shouldShowTheFacilitiesACentreWasGiven() {
        String country = fixtures.freeCountry();
        String code = fixtures.freeCode(country);
        put("admin", code, null, withFacilities(gondar(country), List.of(Facility.MEDICAL_CARE)))
                .statusCode(201);

        given().auth()
                .oauth2(Tokens.user("officer"))
                .get(CENTRES + "/" + code)
                .then()
                .statusCode(200)
                .body("facilities", contains("MEDICAL_CARE"));
    }

    @Test
    void shouldListTheFacilitiesInOneOrderWhateverOrderTheyWereGivenIn() {
        String country = fixtures.freeCountry();

        put(
                        "admin",
                        fixtures.freeCode(country),
                        null,
                        withFacilities(gondar(country), List.of(Facility.MEDICAL_CARE, Facility.WHEELCHAIR_ACCESS)))
                .statusCode(201)
                .body("facilities", contains("WHEELCHAIR_ACCESS", "MEDICAL_CARE"));
    }

    @Test
    void shouldCountAFacilityGivenTwiceOnce() {
        String country = fixtures.freeCountry();

        put(
                        "admin",
                        fixtures.freeCode(country),
                        null,
                        withFacilities(
                                gondar(country), List.of(Facility.WHEELCHAIR_ACCESS, Facility.WHEELCHAIR_ACCESS)))
                .statusCode(201)
                .body("facilities", contains("WHEELCHAIR_ACCESS"));
    }

    @Test
    void shouldShowNoFacilitiesForACentreGivenNone() {
        String country = fixtures.freeCountry();

        put("admin", fixtures.freeCode(country), null, withFacilities(gondar(country), null))
                .statusCode(201)
                .body("facilities", org.hamcrest.Matchers.empty());
    }

    @Test
    void shouldReplaceTheFacilitiesWhenTheCentreChanges() {
        String code = created();

        put("officer", code, "\"0\"", withFacilities(gondar(country(code)), List.of(Facility.MEDICAL_CARE)))
                .statusCode(200)
                .body("facilities", contains("MEDICAL_CARE"));
    }

    @Test
    void shouldNameTheFacilityThatIsNotKnown() {
        String country = fixtures.freeCountry();
        String body = fixtures.json(gondar(country))
                .replace("\"facilities\":[\"WHEELCHAIR_ACCESS\"]", "\"facilities\":[\"WHEELCHAIR_ACCESS\",\"LIFT\"]");
        assertThat(body).contains("LIFT");

        given().auth()
                .oauth2(Tokens.user("admin"))
                .contentType(ContentType.JSON)
                .body(body)
                .put(CENTRES + "/" + fixtures.freeCode(country))
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(Problem.type("validation").toString()))
                .body("errors.path", contains("$.facilities[1]"));
    }

    @Test
    void shouldShowTheSeededCentresDemoFacilities() {
        given().auth()
                .oauth2(Tokens.user("officer"))
                .get(CENTRES)
                .then()
                .statusCode(200)
                .body("find { it.code == 'ET-ADD' }.facilities", contains("WHEELCHAIR_ACCESS", "MEDICAL_CARE"))
                .body("find { it.code == 'LB-BEY' }.facilities", contains("WHEELCHAIR_ACCESS"));
    }
}
