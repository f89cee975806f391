package org.iom.dna.platform.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** An API answer as the services give them, under {@code /api/}, for checking the headers every one carries. */
@Path("/api/test-probe")
public class ApiProbeResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true) // a test fixture, not an operation of the suite's API
    public String answer() {
        return "{\"personRef\": \"P-100231\"}";
    }
}
