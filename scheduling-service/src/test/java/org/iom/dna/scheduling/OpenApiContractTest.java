package org.iom.dna.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.iom.dna.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

/** Every operation documents its summary, 401, problem-details errors and request examples. */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void everyOperationKeepsTheSuitesOpenApiPromises() {
        assertEquals(List.of(), OpenApiContract.brokenPromises());
    }
}
