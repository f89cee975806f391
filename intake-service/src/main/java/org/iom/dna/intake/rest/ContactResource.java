package org.iom.dna.intake.rest;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iom.dna.intake.service.ContactDetailsService;
import org.iom.dna.intake.service.MemberContact;
import org.iom.dna.platform.audit.Audited;
import org.iom.dna.platform.domain.NotFound;
import org.iom.dna.platform.openapi.ProblemResponses;

/**
 * Internal: notification-service fetches a member's contact channels just before it sends, so that
 * it never has to keep them. Every read, and every refused attempt, is in the audit trail.
 */
@Path("/internal/v1/sampling-requests/{id}/members/{personRef}/contact")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Service-to-service; not for people")
@SecurityRequirement(name = "keycloak")
public class ContactResource {

    private final ContactDetailsService service;

    ContactResource(ContactDetailsService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed("notification-service")
    @Audited(
            record = "family-member",
            fields = {"name", "language", "phone", "email", "whatsapp", "proxy"})
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
            @PathParam("id") UUID id,
            @PathParam("personRef") String personRef,
            @Parameter(
                            description =
                                    "What the message is for, e.g. CONFIRMATION; kept in the audit as the caller's word")
                    @QueryParam("purpose")
                    String purpose) {
        // The audit trail (AuditFilter) records the read: who, through which client and token, from where, outcome.
        return service.contactFor(id, personRef).orElseThrow(() -> new NotFound("family member"));
    }
}
