package org.iom.dna.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.iom.dna.intake.service.ReEncryption;

/**
 * Key rotation for personal data at rest, for administrators: which key seals how many rows, and a re-encryption run
 * under the active key. Counts and key ids only; no personal data passes here.
 */
@Path("/api/v1/personal-data")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Personal data keys", description = "Encryption keys of personal data at rest: their use and rotation")
@SecurityRequirement(name = "keycloak")
public class PersonalDataKeysResource {

    /** The keys and the rows each seals; {@code reEncrypting} while a run is going. */
    public record KeysView(String activeKey, boolean reEncrypting, List<ReEncryption.KeyUse> keys) {}

    private final ReEncryption reEncryption;

    PersonalDataKeysResource(ReEncryption reEncryption) {
        this.reEncryption = reEncryption;
    }

    @GET
    @Path("/keys")
    @Operation(
            summary = "Rows sealed by each key",
            description = "Every configured key and every key id found on a row, with the number of family members' "
                    + "records and of cases' notes it seals. A key may leave the configuration once it seals nothing.")
    @APIResponse(
            responseCode = "200",
            description = "The keys",
            content = @Content(schema = @Schema(implementation = KeysView.class)))
    public KeysView keys() {
        return view();
    }

    @POST
    @Path("/re-encryption")
    @Operation(
            summary = "Seal everything under a retired key with the active key",
            description = "Starts a run in the background (or joins the one going) and answers at once; "
                    + "GET /keys shows its progress. Runs also start on their own every few minutes.")
    @APIResponse(
            responseCode = "202",
            description = "The run is going; the keys as they stand",
            content = @Content(schema = @Schema(implementation = KeysView.class)))
    public Response reEncrypt() {
        reEncryption.start();
        return Response.accepted(view()).build();
    }

    private KeysView view() {
        String active = null;
        List<ReEncryption.KeyUse> keys = reEncryption.keyUse();
        for (ReEncryption.KeyUse k : keys) {
            if (k.active()) {
                active = k.keyId();
            }
        }
        return new KeysView(active, reEncryption.isRunning(), keys);
    }
}
