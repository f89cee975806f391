package org.iom.dna.scheduling.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Country-office staff ask for one country to be re-planned now. */
public record OptimiserRunRequest(
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") @Schema(examples = "ET")
        String country) {}
