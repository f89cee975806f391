package org.iom.dna.optimiser.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A family to be sampled together: all members at one centre on one day, or not at all.
 *
 * @param earliestDay the first day the family can be seen, travel and notice lead time already included
 * @param deadline the last day the IND accepts
 * @param preferredCentre the centre the family asked for (tried first on any day), or null
 * @param language the family's language as a BCP 47 tag, e.g. "fa-AF"
 * @param needsInterpreter whether the centre must speak {@code language}
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
        List<Member> members) {

    public Family {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(earliestDay, "earliestDay");
        Objects.requireNonNull(deadline, "deadline");
        members = List.copyOf(members);
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
