package org.iom.dna.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Locale;
import org.iom.dna.events.SamplingRequestReceivedV1;
import org.iom.dna.intake.service.RegistryCentres;
import org.iom.dna.intake.testdata.Centres;
import org.iom.dna.intake.testdata.Families;
import org.iom.dna.intake.testdata.IntakeApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The IND submits a family; scheduling is told which centre is in the city where each member lives (for the
 * shorter lead time there), never the city.
 */
@QuarkusTest
class SamplingRequestResourceLocalCentreTest {

    // The lowest code a centre can have: should the seeded ET-ADD, also in Addis Ababa, have reached intake
    // from the broker, the lowest code still names this one.
    private static final String CENTRE = "ET-AAA";

    @Inject
    IntakeApi api;

    @Inject
    RegistryCentres centres;

    @BeforeEach
    void knowACentreInAddisAbaba() {
        QuarkusTransaction.requiringNew().run(() -> centres.centreChanged(Centres.active(CENTRE, "Addis Ababa")));
    }

    /** Submits a case of one member, who lives in the city and country given. */
    private String submittedLivingIn(String country, String city) {
        FamilyMemberSubmission member = Families.member(Families.MOTHER)
                .contact(Families.motherContact())
                .livingIn(country)
                .city(city)
                .build();
        return api.submitted(Families.family().members(member).build());
    }

    private String localCentreOf(String country, String city) {
        String id = submittedLivingIn(country, city);
        SamplingRequestReceivedV1 received = api.read(
                api.events(id, SamplingRequestReceivedV1.TYPE).get(0).payload, SamplingRequestReceivedV1.class);
        return received.members().get(0).localCentre();
    }

    @Test
    void shouldNameTheCentreInTheCityWhereAMemberOfTheSamplingCountryLives() {
        assertThat(localCentreOf("ET", "addis ababa")).isEqualTo(CENTRE);
    }

    @Test
    void shouldNameNoCentreForAMemberOfAnotherCity() {
        // A city of its own: the registry's centres reach intake from the broker too, and there are more of them.
        assertThat(localCentreOf("ET", Centres.freshCity())).isNull();
    }

    @Test
    void shouldNameNoCentreForAMemberLivingInAnotherCountryInACityOfTheSameName() {
        assertThat(localCentreOf("SD", "Addis Ababa")).isNull();
    }

    @Test
    void shouldNameNoCentreForAMemberWithoutACity() {
        assertThat(localCentreOf("ET", null)).isNull();
    }

    @Test
    void shouldKeepTheCityOutOfTheReceivedEvent() {
        String id = submittedLivingIn("ET", "Addis Ababa");

        String payload = api.events(id).get(0).payload.toLowerCase(Locale.ROOT);

        assertThat(payload).contains(CENTRE.toLowerCase(Locale.ROOT)).doesNotContain("addis");
    }
}
