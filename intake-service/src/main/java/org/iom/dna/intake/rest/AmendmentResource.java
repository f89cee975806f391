package org.iom.dna.intake.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iom.dna.intake.domain.PersonalData;
import org.iom.dna.intake.service.AmendmentService;
import org.iom.dna.intake.service.Erasure;
import org.iom.dna.intake.service.SamplingRequestService;
import org.iom.dna.platform.audit.Audited;
import org.iom.dna.platform.domain.InvalidRequest;
import org.iom.dna.platform.domain.NotFound;
import org.iom.dna.platform.openapi.ProblemResponses;
import org.iom.dna.platform.rest.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

@Path("/api/v1/sampling-requests/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sampling requests")
@SecurityRequirement(name = "keycloak")
@RolesAllowed("ind-system")
public class AmendmentResource {

    private final AmendmentService amendments;
    private final Erasure erasure;
    private final SamplingRequestService requests;
    private final Validator validator;
    private final ObjectMapper strictJson;

    AmendmentResource(
            AmendmentService amendments,
            Erasure erasure,
            SamplingRequestService requests,
            Validator validator,
            ObjectMapper json) {
        this.amendments = amendments;
        this.erasure = erasure;
        this.requests = requests;
        this.validator = validator;
        this.strictJson = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @PATCH
    @Path("/members/{personRef}/contact")
    @Audited(
            record = "family-member",
            fields = {"phone", "email", "whatsapp", "proxy"})
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Change a member's contact channels",
            description = "JSON Merge Patch (RFC 7396): fields given replace, null removes, absent fields stay. "
                    + "Published as an event that names the changed channels, never their values.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MergePatch.MEDIA_TYPE,
                            schema = @Schema(implementation = ContactChannels.class),
                            examples =
                                    @ExampleObject(
                                            name = "new-phone",
                                            value = "{\"phone\": \"+251922334455\", \"whatsapp\": null}")))
    @APIResponse(
            responseCode = "200",
            description = "The case after the change",
            content = @Content(schema = @Schema(implementation = SamplingRequestView.class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    public SamplingRequestView amendContact(
            @PathParam("id") UUID id, @PathParam("personRef") String personRef, @NotNull JsonNode patch) {
        if (!patch.isObject()) {
            // RFC 7396 would let a non-object replace the whole target; the contact channels are an object.
            throw InvalidRequest.of("$", "must be a JSON object");
        }
        return SamplingRequestView.of(amendments.amendContact(id, personRef, current -> merge(current, patch)));
    }

    private PersonalData.Contact merge(PersonalData.Contact current, JsonNode patch) {
        ContactChannels merged;
        try {
            merged = strictJson.treeToValue(
                    MergePatch.apply(strictJson.valueToTree(ContactChannels.of(current)), patch),
                    ContactChannels.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedJson(e);
        }
        Set<ConstraintViolation<ContactChannels>> violations = validator.validate(merged);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return merged.toDomainContact();
    }

    /** Carries a bad patch out of the transaction; unwrapped by {@link #badPatch}. */
    static final class UncheckedJson extends RuntimeException {
        UncheckedJson(JsonProcessingException cause) {
            super(cause.getOriginalMessage(), cause, false, false);
        }
    }

    @ServerExceptionMapper
    public Response badPatch(UncheckedJson e) {
        return ProblemMappers.unreadableBody((JsonProcessingException) e.getCause());
    }

    @POST
    @Path("/cancellation")
    @Audited(record = "sampling-request", fields = "cancellation comment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Cancel a case",
            description = "Frees the family's appointments downstream. "
                    + "Cancelling again changes nothing; a case with sampled members cannot be cancelled.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CancellationRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "withdrawn",
                                            value =
                                                    "{\"reason\": \"WITHDRAWN_BY_APPLICANT\", \"comment\": \"Sponsor withdrew the application on 2026-11-27.\"}")))
    @APIResponse(
            responseCode = "200",
            description = "The cancelled case",
            content = @Content(schema = @Schema(implementation = SamplingRequestView.class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    public SamplingRequestView cancel(@PathParam("id") UUID id, @Valid @NotNull CancellationRequest cancellation) {
        return SamplingRequestView.of(amendments.cancel(id, cancellation.reason(), cancellation.comment()));
    }

    @POST
    @Path("/erasure")
    @Audited(record = "sampling-request", fields = "all personal data (erased)")
    @Operation(
            summary = "Erase a closed case's personal data now",
            description = "For a case that is sampled, cancelled or expired: its members' personal data and notes are"
                    + " erased at once instead of at the end of the retention period, and so is every reference"
                    + " leading to a person (the IND's reference and case number, members' references) here and in the"
                    + " other services. Only anonymous facts remain. Asking again changes nothing; an open case must be"
                    + " cancelled first.")
    @APIResponse(
            responseCode = "200",
            description = "The case as it remains",
            content = @Content(schema = @Schema(implementation = SamplingRequestView.class)))
    @APIResponse(responseCode = "404", ref = ProblemResponses.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ProblemResponses.CONFLICT)
    public SamplingRequestView erase(@PathParam("id") UUID id) {
        erasure.eraseAtRequest(id);
        return SamplingRequestView.of(requests.find(id).orElseThrow(() -> new NotFound("sampling request")));
    }
}
