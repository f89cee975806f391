package org.iom.dna.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

class ProblemReaderTest {

    @Test
    void shouldTellTheServicesRefusalInPlainWordsWithEachField() {
        Response answer = Response.status(400)
                .type("application/problem+json")
                .entity(
                        "{\"type\":\"https://dna-sampling.iom.example/problems/validation\",\"title\":\"Invalid request\","
                                + "\"status\":400,\"errors\":[{\"path\":\"$.kitNumber\",\"message\":\"is required for SAMPLED\"}]}")
                .build();
        ApiProblem problem = new ProblemReader().toThrowable(answer);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.plainWords()).isEqualTo("Invalid request: kitNumber is required for SAMPLED");
    }

    @Test
    void shouldPreferTheDetailAndSurviveABodyThatIsNotJson() {
        ApiProblem conflict = new ProblemReader()
                .toThrowable(Response.status(409)
                        .entity("{\"title\":\"No room\",\"status\":409,\"detail\":\"no room for 2 member(s)\"}")
                        .build());
        assertThat(conflict.plainWords()).isEqualTo("no room for 2 member(s)");
        ApiProblem proxy = new ProblemReader()
                .toThrowable(
                        Response.status(502).entity("<html>Bad gateway</html>").build());
        assertThat(proxy.status()).isEqualTo(502);
        assertThat(proxy.plainWords()).isEqualTo("Bad Gateway");
    }
}
