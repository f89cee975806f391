package org.iom.dna.intake.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;
import org.iom.dna.events.CentreChangedV1;
import org.iom.dna.intake.testdata.Centres;
import org.junit.jupiter.api.Test;

/** Which centre is in the city where a member lives, by intake's copy of the registry's centres. */
@QuarkusTest
class RegistryCentresTest {

    @Inject
    RegistryCentres centres;

    private void known(CentreChangedV1... events) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (CentreChangedV1 e : events) {
                centres.centreChanged(e);
            }
        });
    }

    private String inCity(String country, String city, String preferredCentre) {
        return QuarkusTransaction.requiringNew().call(() -> centres.inCity(country, city, preferredCentre));
    }

    @Test
    void shouldFindTheActiveCentreInTheCityHoweverTheCityIsWritten() {
        String city = Centres.freshCity();
        String code = Centres.freshCode("ET");
        known(Centres.active(code, city));

        assertThat(inCity("ET", " " + city.toUpperCase(Locale.ROOT).replace(' ', '-') + " ", null))
                .isEqualTo(code);
    }

    @Test
    void shouldFindNoCentreThatIsSuspended() {
        String city = Centres.freshCity();
        known(Centres.changed(Centres.freshCode("ET"), city, "SUSPENDED", Instant.now()));

        assertThat(inCity("ET", city, null)).isNull();
    }

    @Test
    void shouldFindNoCentreOfACityOfTheSameNameInAnotherCountry() {
        String city = Centres.freshCity();
        known(Centres.active(Centres.freshCode("SD"), city));

        assertThat(inCity("ET", city, null)).isNull();
    }

    @Test
    void shouldFindNoCentreInACityWithoutOne() {
        known(Centres.active(Centres.freshCode("ET"), Centres.freshCity()));

        assertThat(inCity("ET", Centres.freshCity(), null)).isNull();
    }

    @Test
    void shouldFindNoCentreForAMemberWithoutACity() {
        assertThat(inCity("ET", null, null)).isNull();
    }

    @Test
    void shouldTakeTheLowestCodeOfSeveralCentresInTheCity() {
        String city = Centres.freshCity();
        String one = Centres.freshCode("ET");
        String other = Centres.freshCode("ET");
        known(Centres.active(one, city), Centres.active(other, city));

        assertThat(inCity("ET", city, null)).isEqualTo(one.compareTo(other) < 0 ? one : other);
    }

    @Test
    void shouldTakeTheCasesPreferredCentreOfSeveralInTheCity() {
        String city = Centres.freshCity();
        String one = Centres.freshCode("ET");
        String other = Centres.freshCode("ET");
        String highest = one.compareTo(other) > 0 ? one : other;
        known(Centres.active(one, city), Centres.active(other, city));

        assertThat(inCity("ET", city, highest)).isEqualTo(highest);
    }

    @Test
    void shouldNotTakeAPreferredCentreInAnotherCity() {
        String city = Centres.freshCity();
        String here = Centres.freshCode("ET");
        String elsewhere = Centres.freshCode("ET");
        known(Centres.active(here, city), Centres.active(elsewhere, Centres.freshCity()));

        assertThat(inCity("ET", city, elsewhere)).isEqualTo(here);
    }
}
