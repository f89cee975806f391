package org.iom.dna.scheduling.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iom.dna.scheduling.service.BookingService;

/**
 * A booking or move by country-office staff.
 *
 * @param beyondCapacity book even where the day has no room left; needs a reason, which is kept
 */
public record HandBookingRequest(
        @NotNull
        @Pattern(regexp = "[A-Z]{2}-[A-Z]{3}", message = "must be a centre code such as ET-ADD")
        @Schema(examples = "ET-ADD")
        String centreCode,

        @NotNull @Schema(examples = "2027-01-12") LocalDate localDate,
        boolean beyondCapacity,
        @Size(max = 500) String reason) {

    BookingService.HandBooking toBooking() {
        return new BookingService.HandBooking(centreCode, localDate, beyondCapacity, reason);
    }
}
