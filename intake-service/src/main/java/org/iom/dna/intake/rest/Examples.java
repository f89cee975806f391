package org.iom.dna.intake.rest;

/** Example bodies for the OpenAPI document. */
final class Examples {

    /**
     * Sent as it is, with a fresh indReference, this family is scheduled against the demo data:
     * a mother and her 9-year-old son in Ethiopia, sampled in Addis Ababa.
     */
    static final String SUBMISSION = """
            {
              "indReference": "IND-2026-000123",
              "caseNumber": "V123456789",
              "priority": "UNACCOMPANIED_MINOR",
              "deadline": "2027-12-31",
              "country": "ET",
              "preferredCentre": "ET-ADD",
              "note": "Mother has limited phone access; prefers calls after 18:00 local time.",
              "members": [
                {
                  "personRef": "P-100231",
                  "givenName": "Selam",
                  "familyName": "Tesfay",
                  "dateOfBirth": "1991",
                  "sex": "FEMALE",
                  "relationship": "SPOUSE",
                  "nationality": "ER",
                  "currentCountry": "ET",
                  "currentCity": "Shire",
                  "contact": {
                    "phone": "+251911234567",
                    "email": "selam.tesfay@example.org",
                    "whatsapp": "+251911234567",
                    "proxy": {"name": "Tekle Berhe", "relation": "brother", "phone": "+251912345678"}
                  },
                  "preferredLanguage": "ti",
                  "needs": {"interpreter": true, "accessibility": false, "medical": false}
                },
                {
                  "personRef": "P-100232",
                  "givenName": "Robel",
                  "familyName": "Tesfay",
                  "dateOfBirth": "2017-03-14",
                  "sex": "MALE",
                  "relationship": "CHILD",
                  "nationality": "ER",
                  "currentCountry": "ET",
                  "currentCity": "Shire",
                  "preferredLanguage": "ti",
                  "needs": {"interpreter": true, "accessibility": false, "medical": false},
                  "accompaniedBy": "P-100231"
                }
              ]
            }
            """;

    static final String VALIDATION_PROBLEM = """
            {
              "type": "https://dna-sampling.iom.example/problems/validation",
              "title": "The request is not valid",
              "status": 400,
              "detail": "2 field(s) are not valid",
              "errors": [
                {"path": "$.members[0].contact.phone", "message": "must be a valid phone number in E.164 form, e.g. +251911234567"},
                {"path": "$.members[1].accompaniedBy", "message": "a member under 18 on the deadline needs an accompanying adult member or a guardian"}
              ]
            }
            """;

    static final String CONFLICT_PROBLEM = """
            {
              "type": "https://dna-sampling.iom.example/problems/duplicate-reference",
              "title": "IND reference already used",
              "status": 409,
              "detail": "a different request was already submitted with this indReference",
              "existing": "/api/v1/sampling-requests/6f1c2a40-7b1e-4c5e-9a51-3d2f0c9e8b11"
            }
            """;

    static final String NOT_FOUND_PROBLEM = """
            {
              "type": "https://dna-sampling.iom.example/problems/not-found",
              "title": "Not found",
              "status": 404,
              "detail": "sampling request does not exist"
            }
            """;

    private Examples() {}
}
