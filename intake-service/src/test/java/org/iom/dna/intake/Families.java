package org.iom.dna.intake;

import java.time.LocalDate;
import java.util.UUID;

/** Request bodies for tests: a mother with her 9-year-old son, in Ethiopia. */
final class Families {

    private Families() {
    }

    static String freshReference() {
        return "IND-TEST-" + UUID.randomUUID();
    }

    static String motherAndSon(String indReference) {
        return motherAndSon(indReference, "+251911234567");
    }

    static String motherAndSon(String indReference, String phone) {
        return """
                {
                  "indReference": "%s",
                  "caseNumber": "V123456789",
                  "priority": "URGENT",
                  "deadline": "%s",
                  "country": "ET",
                  "note": "Calls after 18:00 only",
                  "members": [
                    {"personRef": "P-1", "givenName": "Selam", "familyName": "Tesfay", "dateOfBirth": "1991",
                     "sex": "FEMALE", "relationship": "SPOUSE", "nationality": "ER", "currentCountry": "ET",
                     "currentCity": "Shire", "phone": "%s", "email": "selam@example.org",
                     "preferredLanguage": "ti", "needsInterpreter": true},
                    {"personRef": "P-2", "givenName": "Robel", "familyName": "Tesfay", "dateOfBirth": "2017-03",
                     "sex": "MALE", "relationship": "CHILD", "nationality": "ER", "currentCountry": "ET",
                     "preferredLanguage": "ti", "needsInterpreter": true, "accompaniedBy": "P-1"}
                  ]
                }
                """.formatted(indReference, LocalDate.now().plusMonths(3), phone);
    }
}
