package org.iom.dna.registry.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a centre offers families with particular needs; the names are those of {@code CentreChangedV1}, so the
 * scheduler can match a member who needs one to a centre that has it.
 */
public enum Facility {
    /** A step-free entrance and sampling room. */
    WHEELCHAIR_ACCESS,
    /** A nurse or doctor on site for members who need care while sampled. */
    MEDICAL_CARE;

    /**
     * As the centre stores them: comma-separated names in declaration order, each once, so that the same set is
     * always the same text.
     */
    public static String join(Collection<Facility> facilities) {
        if (facilities == null || facilities.isEmpty()) {
            return "";
        }
        return EnumSet.copyOf(facilities).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The facilities of a stored text ({@link #join}); empty for none. */
    public static List<Facility> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).map(Facility::valueOf).toList();
    }
}
