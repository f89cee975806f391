package org.iom.dna.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order in which scheduling serves the IND's priorities is part of the contract. */
class PriorityTest {

    @Test
    void unaccompaniedMinorsThenMedicalThenUrgentThenStandard() {
        List<Priority> served = Arrays.stream(Priority.values())
                .sorted(Comparator.comparingInt(Priority::rank).reversed())
                .toList();
        assertEquals(
                List.of(Priority.UNACCOMPANIED_MINOR, Priority.MEDICAL, Priority.URGENT, Priority.STANDARD), served);
    }
}
