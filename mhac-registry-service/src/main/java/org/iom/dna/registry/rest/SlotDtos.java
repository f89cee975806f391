package org.iom.dna.registry.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.LocalTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iom.dna.registry.domain.SlotStatus;

/** Request bodies of the slot API. */
final class SlotDtos {

    private SlotDtos() {}

    /** A slot added by hand, in the centre's local time. */
    @Schema(name = "SlotCreation")
    record Creation(
            @Schema(examples = "2027-01-12") @NotNull LocalDate localDate,
            @Schema(examples = "14:00:00") @NotNull LocalTime localStart,

            @Schema(examples = "30") @NotNull @Min(5) @Max(240)
            Integer minutes,

            @Schema(examples = "3") @NotNull @Min(1) @Max(50)
            Integer capacity) {}

    /** Give capacity, status or both; send the slot's ETag in If-Match. */
    @Schema(name = "SlotChange")
    record Change(
            @Schema(examples = "1") @Min(0) @Max(50) Integer capacity,
            @Schema(enumeration = {"OPEN", "BLOCKED"}) SlotStatus status) {}

    record DayResult(String centreCode, LocalDate localDate, int slotsChanged) {}
}
