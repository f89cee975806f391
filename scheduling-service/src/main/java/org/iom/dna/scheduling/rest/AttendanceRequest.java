package org.iom.dna.scheduling.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.iom.dna.scheduling.domain.Attendance;
import org.iom.dna.scheduling.service.AttendanceService;

/**
 * What MHAC staff record for one member on the day.
 *
 * @param consentGivenBy the reference of the member who consented (the member, or the adult accompanying a
 *     minor), or GUARDIAN for an appointed guardian or escort
 * @param correctionReason required when a recorded outcome is changed
 */
public record AttendanceRequest(
        @NotNull @Schema(examples = "SAMPLED") Attendance attendance,
        Boolean identityVerified,
        @Size(max = 64) @Schema(examples = "P-100231") String consentGivenBy,

        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits and dashes only")
        @Schema(examples = "KIT-2027-004512")
        String kitNumber,

        @Size(max = 500) String correctionReason) {

    AttendanceService.Entry toEntry() {
        return new AttendanceService.Entry(attendance, identityVerified, consentGivenBy, kitNumber, correctionReason);
    }
}
