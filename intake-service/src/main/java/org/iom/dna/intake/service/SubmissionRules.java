package org.iom.dna.intake.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iom.dna.intake.domain.PartialDate;
import org.iom.dna.intake.rest.FamilyMemberSubmission;
import org.iom.dna.intake.rest.SamplingRequestSubmission;
import org.iom.dna.platform.domain.Violation;

/**
 * Rules that span several fields of a submission (single-field rules are annotations on the
 * request records). A minor is anyone who may be under 18 on the deadline date.
 */
final class SubmissionRules {

    static final int ADULT_AGE = 18;

    private SubmissionRules() {
    }

    static List<Violation> violations(SamplingRequestSubmission submission) {
        List<Violation> errors = new ArrayList<>();
        if ((submission.country() == null) == (submission.adHocLocation() == null)) {
            errors.add(new Violation("$.country", "give either country or adHocLocation, not both or neither"));
        }
        if (submission.preferredCentre() != null && submission.country() != null
                && !submission.preferredCentre().startsWith(submission.country().name() + "-")) {
            errors.add(new Violation("$.preferredCentre", "must be a centre in the sampling country"));
        }
        Map<String, Integer> ageByRef = new HashMap<>();
        List<FamilyMemberSubmission> members = submission.members();
        boolean reachable = false;
        for (int i = 0; i < members.size(); i++) {
            FamilyMemberSubmission m = members.get(i);
            String at = "$.members[" + i + "]";
            if (ageByRef.containsKey(m.personRef())) {
                errors.add(new Violation(at + ".personRef", "is used by another member of this request"));
            }
            PartialDate born = PartialDate.parse(m.dateOfBirth());
            if (born.earliestPossible().isAfter(LocalDate.now())) {
                errors.add(new Violation(at + ".dateOfBirth", "must not be in the future"));
            }
            ageByRef.put(m.personRef(), born.minimumAgeOn(submission.deadline()));
            reachable |= m.contact() != null && m.contact().toDomainContact().reachable();
        }
        if (!reachable) {
            errors.add(new Violation("$.members",
                    "at least one member needs a phone, e-mail, WhatsApp number or proxy contact"));
        }
        for (int i = 0; i < members.size(); i++) {
            FamilyMemberSubmission m = members.get(i);
            String at = "$.members[" + i + "]";
            boolean minor = ageByRef.get(m.personRef()) < ADULT_AGE;
            if (m.accompaniedBy() != null) {
                Integer adultAge = ageByRef.get(m.accompaniedBy());
                if (adultAge == null || m.accompaniedBy().equals(m.personRef())) {
                    errors.add(new Violation(at + ".accompaniedBy", "must be the personRef of another member of this request"));
                } else if (adultAge < ADULT_AGE) {
                    errors.add(new Violation(at + ".accompaniedBy", "must refer to a member who is an adult on the deadline date"));
                }
            }
            if (minor && m.accompaniedBy() == null && m.guardian() == null) {
                errors.add(new Violation(at + ".accompaniedBy",
                        "a member under 18 on the deadline needs an accompanying adult member or a guardian"));
            }
        }
        return errors;
    }
}
