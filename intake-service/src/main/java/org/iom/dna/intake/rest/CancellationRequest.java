package org.iom.dna.intake.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iom.dna.intake.domain.CancellationReason;

@Schema(name = "Cancellation")
public record CancellationRequest(
        @NotNull CancellationReason reason,

        @Schema(description = "Free text for IOM staff; stored encrypted, never sent on") @Size(max = 1000)
        String comment) {}
