package org.iom.dna.intake.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iom.dna.intake.service.ContactDetailsService;
import org.iom.dna.intake.service.MemberContact;
import org.iom.dna.platform.domain.NotFound;
import org.iom.dna.platform.openapi.ProblemResponses;

/**
 * Internal: notification-service fetches a member's contact channels just before it sends, so that
 * it never has to keep them. Every read is audited.
 */
@Path("/internal/v1/sampling-requests/{id}/members/{personRef}/contact")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Service-to-service; not for people")
@SecurityRequirement(name = "keycloak")
public class ContactResource {

    private final ContactDetailsService service;
    private final SecurityIdentity identity;

    ContactResource(ContactDetailsService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed("notification-service")
    @Operation(summary = "Contact channels and language of one family member, for a message about to be sent")
    @APIResponse(
            responseCode = "200",
            description = "The contact details",
            content =
                    @Content(
                            schema = @Schema(implementation = MemberContact.class),
                            examples =
                                    @ExampleObject(
                                            name = "mother",
                                            value =
                                                    "{\"personRef\": \"P-100231\", \"language\": \"ti\","
                                                            + " \"givenName\": \"Selam\", \"familyName\": \"Tesfay\", \"phone\": \"+251911234567\","
                                                            + " \"email\": \"selam.tesfay@example.org\", \"whatsapp\": \"+251911234567\","
                                                            + " \"proxy\": {\"name\": \"Tekle Berhe\", \"relation\": \"brother\", \"phone\": \"+251912345678\"}}")))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    public MemberContact contact(
            @PathParam("id") UUID id, @PathParam("personRef") String personRef, @QueryParam("purpose") String purpose) {
        // The audit keeps the caller's words, without control characters (PostgreSQL cannot store NUL).
        String clean =
                purpose == null ? "" : purpose.replaceAll("\\p{Cntrl}", "").strip();
        String why = clean.isEmpty() ? "unspecified" : clean.substring(0, Math.min(100, clean.length()));
        return service.contactFor(id, personRef, identity.getPrincipal().getName(), why)
                .orElseThrow(() -> new NotFound("family member"));
    }
}
