package org.iom.dna.intake.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.iom.dna.testing.RoleMatrix;
import org.junit.jupiter.api.Test;

/**
 * Every operation of intake-service answers every caller of the realm as the suite's one role matrix says
 * (testing/RoleMatrix): an operation missing from the table fails, and so does a caller let in or turned away
 * against it.
 */
@QuarkusTest
class RoleMatrixTest {

    @Test
    void shouldLetInExactlyTheCallersTheRoleMatrixNamesForEveryOperation() {
        assertThat(RoleMatrix.brokenRules("intake-service")).isEmpty();
    }
}
