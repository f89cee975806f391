package org.iom.dna.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The order in which scheduling serves the IND's priorities is part of the contract. */
class PriorityTest {

    @Test
    void shouldServeUnaccompaniedMinorsThenMedicalThenUrgentThenStandard() {
        List<Priority> served = Arrays.stream(Priority.values())
                .sorted(Comparator.comparingInt(Priority::rank).reversed())
                .toList();

        assertEquals(
                List.of(Priority.UNACCOMPANIED_MINOR, Priority.MEDICAL, Priority.URGENT, Priority.STANDARD), served);
    }

    @Test
    void shouldGiveEveryPriorityItsOwnRank() {
        List<Integer> ranks =
                Arrays.stream(Priority.values()).map(Priority::rank).toList();

        assertEquals(ranks.size(), Set.copyOf(ranks).size(), ranks.toString());
    }

    @Test
    void shouldTravelAsTheConstantsName() throws IOException {
        assertEquals("\"UNACCOMPANIED_MINOR\"", EventRecords.STRICT.writeValueAsString(Priority.UNACCOMPANIED_MINOR));
        assertEquals(Priority.MEDICAL, EventRecords.STRICT.readValue("\"MEDICAL\"", Priority.class));
    }

    @Test
    void shouldRefuseAPriorityTheContractDoesNotKnow() {
        // A new priority changes the serving order: it needs a new event version, not a silent default.
        assertThrows(InvalidFormatException.class, () -> EventRecords.TOLERANT.readValue("\"VIP\"", Priority.class));
    }
}
