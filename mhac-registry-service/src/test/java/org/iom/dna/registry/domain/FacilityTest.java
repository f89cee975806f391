package org.iom.dna.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.iom.dna.events.CentreChangedV1;
import org.junit.jupiter.api.Test;

/** Facilities are stored as one canonical text per set, and named as the event contract names them. */
class FacilityTest {

    @Test
    void shouldNameEachFacilityAsTheEventContractDoes() {
        assertThat(Arrays.stream(Facility.values()).map(Enum::name))
                .containsExactlyInAnyOrder(CentreChangedV1.WHEELCHAIR_ACCESS, CentreChangedV1.MEDICAL_CARE);
    }

    @Test
    void shouldStoreTheFacilitiesInDeclarationOrder() {
        assertThat(Facility.join(List.of(Facility.MEDICAL_CARE, Facility.WHEELCHAIR_ACCESS)))
                .isEqualTo("WHEELCHAIR_ACCESS,MEDICAL_CARE");
    }

    @Test
    void shouldStoreAFacilityGivenTwiceOnce() {
        assertThat(Facility.join(List.of(Facility.MEDICAL_CARE, Facility.MEDICAL_CARE)))
                .isEqualTo("MEDICAL_CARE");
    }

    @Test
    void shouldStoreNoFacilitiesAsEmptyText() {
        assertThat(Facility.join(null)).isEmpty();
    }

    @Test
    void shouldReadTheStoredFacilitiesBack() {
        assertThat(Facility.parse("WHEELCHAIR_ACCESS,MEDICAL_CARE"))
                .containsExactly(Facility.WHEELCHAIR_ACCESS, Facility.MEDICAL_CARE);
    }

    @Test
    void shouldReadEmptyTextAsNoFacilities() {
        assertThat(Facility.parse("")).isEmpty();
    }
}
