package org.iom.dna.intake.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iom.dna.intake.domain.PartialDate;
import org.iom.dna.platform.domain.Violation;

/**
 * Rules that span several fields of a submission (single-field rules are annotations on the
 * request records). A minor is anyone who may be under 18 on the deadline date.
 */
final class SubmissionRules {

    static final int ADULT_AGE = 18;

    private SubmissionRules() {}

    static List<Violation> violations(NewFamilyCase submission) {
        List<Violation> errors = new ArrayList<>();
        checkLocation(submission, errors);
        Map<String, Integer> ageByRef = checkMembers(submission, errors);
        for (int i = 0; i < submission.members().size(); i++) {
            checkCompany(submission.members().get(i), "$.members[" + i + "]", ageByRef, errors);
        }
        return errors;
    }

    /** A country or an ad-hoc location, and a preferred centre in that country. */
    private static void checkLocation(NewFamilyCase submission, List<Violation> errors) {
        if ((submission.country() == null) == (submission.adHocLocation() == null)) {
            errors.add(new Violation("$.country", "give either country or adHocLocation, not both or neither"));
        }
        if (submission.preferredCentre() != null
                && submission.country() != null
                && !submission.preferredCentre().startsWith(submission.country().name() + "-")) {
            errors.add(new Violation("$.preferredCentre", "must be a centre in the sampling country"));
        }
    }

    /**
     * Unique references, birth dates in the past, and someone IOM can reach.
     *
     * @return each member's youngest possible age on the deadline, by reference
     */
    private static Map<String, Integer> checkMembers(NewFamilyCase submission, List<Violation> errors) {
        Map<String, Integer> ageByRef = new HashMap<>();
        boolean reachable = false;
        for (int i = 0; i < submission.members().size(); i++) {
            NewFamilyCase.Member m = submission.members().get(i);
            String at = "$.members[" + i + "]";
            if (ageByRef.containsKey(m.personRef())) {
                errors.add(new Violation(at + ".personRef", "is used by another member of this request"));
            }
            Integer age = null;
            try {
                PartialDate born = PartialDate.parse(m.dateOfBirth());
                if (born.earliestPossible().isAfter(LocalDate.now())) {
                    errors.add(new Violation(at + ".dateOfBirth", "must not be in the future"));
                }
                age = born.minimumAgeOn(submission.deadline());
            } catch (IllegalArgumentException e) {
                // The submission pattern lets impossible dates such as 1990-02-30 through: name the field.
                errors.add(new Violation(at + ".dateOfBirth", "must be a real calendar date"));
            }
            ageByRef.put(m.personRef(), age);
            reachable |= m.contact() != null && m.contact().reachable();
        }
        if (!reachable) {
            errors.add(new Violation(
                    "$.members", "at least one member needs a phone, e-mail, WhatsApp number or proxy contact"));
        }
        return ageByRef;
    }

    /** A minor comes with an adult member of the same request, or has a guardian. */
    private static void checkCompany(
            NewFamilyCase.Member m, String at, Map<String, Integer> ageByRef, List<Violation> errors) {
        if (m.accompaniedBy() != null) {
            Integer adultAge = ageByRef.get(m.accompaniedBy());
            if (!ageByRef.containsKey(m.accompaniedBy()) || m.accompaniedBy().equals(m.personRef())) {
                errors.add(new Violation(
                        at + ".accompaniedBy", "must be the personRef of another member of this request"));
            } else if (adultAge != null && adultAge < ADULT_AGE) {
                errors.add(new Violation(
                        at + ".accompaniedBy", "must refer to a member who is an adult on the deadline date"));
            }
        }
        Integer age = ageByRef.get(m.personRef());
        boolean minor = age != null && age < ADULT_AGE;
        if (minor && m.accompaniedBy() == null && m.guardian() == null) {
            errors.add(new Violation(
                    at + ".accompaniedBy",
                    "a member under 18 on the deadline needs an accompanying adult member or a guardian"));
        }
    }
}
