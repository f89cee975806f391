package org.iom.dna.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iom.dna.platform.openapi.ProblemResponses;

/**
 * The audit trail of personal data, for admins only: who read or changed whose personal data, and whether the chain
 * of rows is intact. Every service has these operations; each shows its own trail.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who read or changed personal data; the trail's integrity")
@SecurityRequirement(name = "keycloak")
@RolesAllowed("admin")
public class AuditResource {

    private static final String ENTRY_EXAMPLE = "[{\"id\": 4211, \"at\": \"2026-11-29T09:14:03.120Z\","
            + " \"subject\": \"5b0c7e2a-8f1d-4f3e-9a61-0c2d3e4f5a6b\", \"actor\": \"service-account-notification-service\","
            + " \"clientId\": \"notification-service\", \"tokenId\": \"onrtac:1f2e3d4c\", \"source\": \"10.0.3.17\","
            + " \"operation\": \"GET /internal/v1/sampling-requests/{id}/members/{personRef}/contact\","
            + " \"recordType\": \"family-member\", \"recordId\": \"6f1c2a40-7b1e-4c5e-9a51-3d2f0c9e8b11\","
            + " \"personRef\": \"P-100231\", \"fields\": \"name,language,phone,email,whatsapp,proxy\","
            + " \"outcome\": \"ALLOWED\", \"statedPurpose\": \"CONFIRMATION\","
            + " \"hash\": \"9f2c4e...\"}]";
    private static final String VERIFICATION_EXAMPLE =
            "{\"rows\": 4211, \"intact\": true, \"firstBroken\": null, \"headId\": 4211, \"headHash\": \"9f2c4e...\"}";

    /** @param intact whether every row's hash matches its fields and the row before it */
    public record VerificationView(long rows, boolean intact, Long firstBroken, Long headId, String headHash) {}

    private final AuditTrail trail;

    AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @Operation(
            summary = "The latest reads and changes of personal data, newest first",
            description = "Every call of an operation that reads or changes personal data, refused ones included:"
                    + " subject and client of the token, token id, source address, the operation, the record and"
                    + " fields, and the outcome. Values are never recorded.")
    @APIResponse(
            responseCode = "200",
            description = "Rows of the trail",
            content =
                    @Content(
                            schema = @Schema(implementation = AuditTrail.Row[].class),
                            examples = @ExampleObject(name = "a-contact-read", value = ENTRY_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_REQUEST)
    public List<AuditTrail.Row> entries(
            @Parameter(description = "Only rows about this record, e.g. a sampling request's id")
                    @QueryParam("recordId")
                    @Pattern(regexp = "[A-Za-z0-9._:-]{1,100}", message = "must be a record id")
                    String recordId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return trail.rows(recordId, limit);
    }

    @GET
    @Path("/verification")
    @Operation(
            summary = "Checks the trail's hash chain",
            description = "Recomputes every row's hash from its fields and the row before it. An edited or inserted"
                    + " row breaks the chain at that row, a deleted one at the row after it. Note the head: rows cut"
                    + " off the end show only as a head that changed (each service also logs its head daily).")
    @APIResponse(
            responseCode = "200",
            description = "The result",
            content =
                    @Content(
                            schema = @Schema(implementation = VerificationView.class),
                            examples = @ExampleObject(name = "intact", value = VERIFICATION_EXAMPLE)))
    public VerificationView verification() {
        AuditTrail.Verification v = trail.verify();
        return new VerificationView(v.rows(), v.intact(), v.firstBroken(), v.headId(), v.headHash());
    }
}
