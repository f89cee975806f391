package org.iom.dna.optimiser.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A sampling centre (MHAC) and how many persons it can see on each day. A day that is not listed has no capacity
 * (closed, a weekend, or not yet published). Days are kept in order.
 */
public record Centre(String code, String country, List<String> languages, Map<LocalDate, Integer> capacity) {

    public Centre {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(country, "country");
        languages = List.copyOf(languages);
        capacity = Collections.unmodifiableSortedMap(new TreeMap<>(capacity));
    }

    /** Persons the centre can see on {@code day}; 0 when closed. */
    public int capacityOn(LocalDate day) {
        return capacity.getOrDefault(day, 0);
    }

    public int totalCapacity() {
        return capacity.values().stream().mapToInt(Integer::intValue).sum();
    }
}
