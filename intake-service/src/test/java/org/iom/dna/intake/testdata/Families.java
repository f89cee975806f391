package org.iom.dna.intake.testdata;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.iom.dna.events.Priority;
import org.iom.dna.intake.domain.Relationship;
import org.iom.dna.intake.domain.SamplingCountry;
import org.iom.dna.intake.rest.ContactChannels;
import org.iom.dna.intake.rest.FamilyMemberSubmission;
import org.iom.dna.intake.rest.SamplingRequestSubmission;

/**
 * Families as the IND submits them, built from the API's own records: by default a mother and her son
 * of nine in Ethiopia. Every case gets a fresh indReference.
 */
public final class Families {

    public static final String REQUESTS = "/api/v1/sampling-requests";
    public static final String MOTHER = "P-1";
    public static final String SON = "P-2";
    public static final String MOTHER_NAME = "Selam";
    public static final String FAMILY_NAME = "Tesfay";
    public static final String MOTHER_PHONE = "+251911234567";
    public static final String MOTHER_EMAIL = "selam@example.org";
    public static final String CITY = "Shire";
    public static final String NOTE = "Calls after 18:00 only";

    private Families() {}

    public static String freshReference() {
        return "IND-TEST-" + UUID.randomUUID();
    }

    /** Three months ahead: far enough for every lead time. */
    public static LocalDate deadline() {
        return LocalDate.now().plusMonths(3);
    }

    public static ContactChannels motherContact() {
        return new ContactChannels(MOTHER_PHONE, MOTHER_EMAIL, null, null);
    }

    public static FamilyMemberSubmission mother() {
        return member(MOTHER)
                .givenName(MOTHER_NAME)
                .born("1991")
                .relationship(Relationship.SPOUSE)
                .contact(motherContact())
                .needs(new FamilyMemberSubmission.Needs(true, false, false, null))
                .build();
    }

    /** Nine years old on the default deadline (born in a month known only to the month), with his mother. */
    public static FamilyMemberSubmission son() {
        return member(SON)
                .givenName("Robel")
                .born(deadline().minusYears(9).minusMonths(2).toString().substring(0, 7))
                .sex("MALE")
                .relationship(Relationship.CHILD)
                .city(null)
                .accompaniedBy(MOTHER)
                .build();
    }

    public static CaseBuilder family() {
        return new CaseBuilder();
    }

    public static SamplingRequestSubmission motherAndSon() {
        return family().build();
    }

    public static MemberBuilder member(String personRef) {
        return new MemberBuilder(personRef);
    }

    /** A submission, field by field; unset fields keep the mother-and-son defaults. */
    public static final class CaseBuilder {
        private String indReference = freshReference();
        private String caseNumber = "V123456789";
        private Priority priority = Priority.URGENT;
        private LocalDate deadline = Families.deadline();
        private SamplingCountry country = SamplingCountry.ET;
        private SamplingRequestSubmission.AdHocLocation adHocLocation;
        private String preferredCentre;
        private String note = NOTE;
        private List<FamilyMemberSubmission> members = List.of(mother(), son());

        private CaseBuilder() {}

        public CaseBuilder indReference(String value) {
            indReference = value;
            return this;
        }

        public CaseBuilder priority(Priority value) {
            priority = value;
            return this;
        }

        public CaseBuilder deadline(LocalDate value) {
            deadline = value;
            return this;
        }

        public CaseBuilder country(SamplingCountry value) {
            country = value;
            return this;
        }

        public CaseBuilder adHocLocation(String countryCode, String city, String description) {
            adHocLocation = new SamplingRequestSubmission.AdHocLocation(countryCode, city, description);
            return this;
        }

        public CaseBuilder preferredCentre(String value) {
            preferredCentre = value;
            return this;
        }

        public CaseBuilder note(String value) {
            note = value;
            return this;
        }

        public CaseBuilder members(FamilyMemberSubmission... value) {
            members = List.of(value);
            return this;
        }

        public CaseBuilder members(List<FamilyMemberSubmission> value) {
            members = value;
            return this;
        }

        public SamplingRequestSubmission build() {
            return new SamplingRequestSubmission(
                    indReference,
                    caseNumber,
                    priority,
                    deadline,
                    country,
                    adHocLocation,
                    preferredCentre,
                    note,
                    members);
        }
    }

    /** A family member, field by field: an Eritrean woman in Shire, Ethiopia, who speaks Tigrinya. */
    public static final class MemberBuilder {
        private final String personRef;
        private String givenName = "Given";
        private String dateOfBirth = "1990";
        private String sex = "FEMALE";
        private Relationship relationship = Relationship.SIBLING;
        private String currentCountry = "ET";
        private String currentCity = CITY;
        private ContactChannels contact;
        private String language = "ti";
        private FamilyMemberSubmission.Needs needs;
        private String accompaniedBy;
        private FamilyMemberSubmission.Guardian guardian;

        private MemberBuilder(String personRef) {
            this.personRef = personRef;
        }

        public MemberBuilder givenName(String value) {
            givenName = value;
            return this;
        }

        public MemberBuilder born(String value) {
            dateOfBirth = value;
            return this;
        }

        public MemberBuilder sex(String value) {
            sex = value;
            return this;
        }

        public MemberBuilder relationship(Relationship value) {
            relationship = value;
            return this;
        }

        public MemberBuilder livingIn(String value) {
            currentCountry = value;
            return this;
        }

        public MemberBuilder city(String value) {
            currentCity = value;
            return this;
        }

        public MemberBuilder contact(ContactChannels value) {
            contact = value;
            return this;
        }

        public MemberBuilder language(String value) {
            language = value;
            return this;
        }

        public MemberBuilder needs(FamilyMemberSubmission.Needs value) {
            needs = value;
            return this;
        }

        public MemberBuilder accompaniedBy(String value) {
            accompaniedBy = value;
            return this;
        }

        public MemberBuilder guardian(FamilyMemberSubmission.Guardian value) {
            guardian = value;
            return this;
        }

        public FamilyMemberSubmission build() {
            return new FamilyMemberSubmission(
                    personRef,
                    givenName,
                    FAMILY_NAME,
                    dateOfBirth,
                    sex,
                    relationship,
                    "ER",
                    currentCountry,
                    currentCity,
                    contact,
                    language,
                    needs,
                    accompaniedBy,
                    guardian);
        }
    }
}
