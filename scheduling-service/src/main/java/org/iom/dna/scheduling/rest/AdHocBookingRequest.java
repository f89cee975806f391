package org.iom.dna.scheduling.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iom.dna.scheduling.service.BookingService;

/**
 * Sampling of an ad-hoc case outside the centres, as staff arranged it.
 *
 * @param centreCode the centre whose staff go
 * @param location where sampling takes place, as the family will be told (no personal data)
 * @param localStart local time at the centre
 */
public record AdHocBookingRequest(
        @NotNull
        @Pattern(regexp = "[A-Z]{2}-[A-Z]{3}", message = "must be a centre code such as ET-SHI")
        @Schema(examples = "ET-SHI")
        String centreCode,

        @NotBlank @Size(max = 200) @Schema(examples = "Shire general hospital, outpatients' wing")
        String location,

        @NotNull @Schema(examples = "2027-01-14") LocalDate localDate,
        @NotNull @Schema(examples = "10:00:00") LocalTime localStart) {

    BookingService.AdHocBooking toBooking() {
        return new BookingService.AdHocBooking(centreCode, location, localDate, localStart);
    }
}
