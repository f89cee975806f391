package org.iom.dna.notification.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.iom.dna.testing.OpenApiContract;
import org.junit.jupiter.api.Test;

/** Every operation documents its summary, 401, problem-details errors and request examples. */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void shouldKeepTheSuitesOpenApiPromises() {
        assertThat(OpenApiContract.brokenPromises()).isEmpty();
    }
}
