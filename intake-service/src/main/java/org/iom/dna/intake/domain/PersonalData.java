package org.iom.dna.intake.domain;

/**
 * What identifies or reaches a family member. Only ever stored encrypted (see
 * {@code PersonalDataCipher}), never logged, never put on Kafka.
 *
 * @param dateOfBirth ISO 8601 with the precision known: {@code 1990}, {@code 1990-05} or {@code 1990-05-17}
 * @param needsDetails free text about interpreter, accessibility or medical needs
 */
public record PersonalData(
        String givenName,
        String familyName,
        String dateOfBirth,
        String sex,
        String nationality,
        String currentCity,
        Contact contact,
        String needsDetails,
        Guardian guardian) {

    /** How to reach the member: directly, or through a proxy such as a relative or an NGO. */
    public record Contact(String phone, String email, String whatsapp, Proxy proxy) {

        public boolean reachable() {
            return phone != null || email != null || whatsapp != null || proxy != null;
        }
    }

    public record Proxy(String name, String relation, String phone) {}

    /** An appointed guardian or escort who comes with a minor instead of a family member. */
    public record Guardian(String name, String organisation, String phone) {}

    public PersonalData withContact(Contact newContact) {
        return new PersonalData(
                givenName, familyName, dateOfBirth, sex, nationality, currentCity, newContact, needsDetails, guardian);
    }
}
