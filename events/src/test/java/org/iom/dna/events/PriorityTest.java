package org.iom.dna.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order in which scheduling serves the IND's priorities is part of the contract. */
class PriorityTest {

    @Test
    void shouldServeUnaccompaniedMinorsThenMedicalThenUrgentThenStandard() {
        List<Priority> served = Arrays.stream(Priority.values())
                .sorted(Comparator.comparingInt(Priority::rank).reversed())
                .toList();

        assertThat(served)
                .containsExactly(Priority.UNACCOMPANIED_MINOR, Priority.MEDICAL, Priority.URGENT, Priority.STANDARD);
    }

    @Test
    void shouldGiveEveryPriorityItsOwnRank() {
        List<Integer> ranks =
                Arrays.stream(Priority.values()).map(Priority::rank).toList();

        assertThat(ranks).doesNotHaveDuplicates();
    }

    @Test
    void shouldTravelAsTheConstantsName() throws IOException {
        assertThat(EventRecords.STRICT.writeValueAsString(Priority.UNACCOMPANIED_MINOR))
                .isEqualTo("\"UNACCOMPANIED_MINOR\"");
        assertThat(EventRecords.STRICT.readValue("\"MEDICAL\"", Priority.class)).isEqualTo(Priority.MEDICAL);
    }

    @Test
    void shouldRefuseAPriorityTheContractDoesNotKnow() {
        // A new priority changes the serving order: it needs a new event version, not a silent default.
        assertThatThrownBy(() -> EventRecords.TOLERANT.readValue("\"VIP\"", Priority.class))
                .isInstanceOf(InvalidFormatException.class);
    }
}
