package org.iom.dna.optimiser.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A family to be sampled together: all members at one centre on one day, or not at all.
 *
 * @param earliestDay the first day the family can be seen, travel and notice lead time already included
 * @param deadline the last day the IND accepts
 * @param preferredCentre the centre the family asked for (tried first on any day), or null
 * @param language the family's language as a BCP 47 tag, e.g. "fa-AF"
 * @param needsInterpreter whether the centre must speak {@code language}
 * @param allowed the only (centre, day) pairs the family may be given, or null for every centre-day of its country:
 *     what the live service knows beyond this format (a centre's facilities, the day's interpreter roster, lead times
 *     that differ by centre, a day kept for another family) comes in as this list
 */
public record Family(
        String id,
        String country,
        Priority priority,
        LocalDate receivedDay,
        LocalDate earliestDay,
        LocalDate deadline,
        String preferredCentre,
        String language,
        boolean needsInterpreter,
        List<Member> members,
        Set<CentreDay> allowed) {

    public Family {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(earliestDay, "earliestDay");
        Objects.requireNonNull(deadline, "deadline");
        members = List.copyOf(members);
        allowed = allowed == null ? null : Set.copyOf(allowed);
    }

    /** A family that may be given any centre-day of its country. */
    public Family(
            String id,
            String country,
            Priority priority,
            LocalDate receivedDay,
            LocalDate earliestDay,
            LocalDate deadline,
            String preferredCentre,
            String language,
            boolean needsInterpreter,
            List<Member> members) {
        this(
                id,
                country,
                priority,
                receivedDay,
                earliestDay,
                deadline,
                preferredCentre,
                language,
                needsInterpreter,
                members,
                null);
    }

    /** Whether the family may be seen at {@code centre} on {@code day} as far as {@link #allowed} goes. */
    public boolean allows(String centre, LocalDate day) {
        return allowed == null || allowed.contains(new CentreDay(centre, day));
    }

    /** Persons to be seen, which is the capacity the family takes on its day. */
    public int size() {
        return members.size();
    }

    /** The objective's weight of one of this family's members. */
    public int weight() {
        return priority.weight();
    }
}
