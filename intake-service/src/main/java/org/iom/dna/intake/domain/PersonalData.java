package org.iom.dna.intake.domain;

/**
 * What identifies or reaches a family member. Only ever stored encrypted (see
 * {@code PersonalDataCipher}), never logged, never put on Kafka.
 *
 * @param dateOfBirth ISO 8601 with the precision known: {@code 1990}, {@code 1990-05} or {@code 1990-05-17}
 */
public record PersonalData(
        String givenName,
        String familyName,
        String dateOfBirth,
        String sex,
        String nationality,
        String currentCity,
        String phone,
        String email,
        String guardianName) {
}
