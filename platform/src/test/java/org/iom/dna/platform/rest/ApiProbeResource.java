package org.iom.dna.platform.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** An API answer as the services give them, under {@code /api/}, for checking the headers every one carries. */
@Path("/api/test-probe")
public class ApiProbeResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String answer() {
        return "{\"personRef\": \"P-100231\"}";
    }
}
