package org.iom.dna.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The IND asked IOM to sample a family. Carries only what scheduling needs: references and
 * scheduling facts, never names, contact details, birth dates or notes.
 *
 * @param country ISO 3166-1 alpha-2 sampling country
 * @param adHocLocation true when the IND asked for sampling outside the MHACs (staff arrange it)
 * @param preferredCentre centre code the IND asked for, or {@code null}
 * @param members in the order the IND listed them
 */
public record SamplingRequestReceivedV1(
        UUID requestId,
        String country,
        boolean adHocLocation,
        String preferredCentre,
        Priority priority,
        LocalDate deadline,
        Instant receivedAt,
        List<Member> members) {

    public static final String TYPE = "org.iom.dna.intake.SamplingRequestReceived.v1";

    /**
     * @param memberRef the IND's person reference, unique within the request
     * @param ageOnDeadline age in whole years on the deadline date; where only the birth year or
     *        month is known, the youngest age the person can be
     * @param accompaniedBy for a minor, the {@code memberRef} of the adult who comes with them, or
     *        {@code null} when an appointed guardian or escort comes instead
     * @param language BCP 47 tag of the language the member is addressed in
     * @param currentCountry ISO 3166-1 alpha-2 country where the member is now (drives travel lead time)
     * @param localCentre the code of the centre in the city where the member lives, when intake's copy of the
     *     registry has one there (a shorter lead time applies at that centre); {@code null} otherwise. The city
     *     itself never leaves intake. Added within v1: older events carry none.
     */
    public record Member(
            String memberRef,
            int ageOnDeadline,
            boolean minor,
            String accompaniedBy,
            String language,
            boolean needsInterpreter,
            boolean needsAccessibility,
            boolean needsMedicalCare,
            String currentCountry,
            String localCentre) {}
}
