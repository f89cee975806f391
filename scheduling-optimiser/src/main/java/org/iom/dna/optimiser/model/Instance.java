package org.iom.dna.optimiser.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One planning problem: the centres with their capacity over the days {@code firstDay .. firstDay + days - 1}, and
 * the families to place. Families never cross countries, so every country is a problem of its own.
 */
public record Instance(String name, LocalDate firstDay, int days, List<Centre> centres, List<Family> families) {

    public Instance {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(firstDay, "firstDay");
        centres = List.copyOf(centres);
        families = List.copyOf(families);
    }

    public LocalDate lastDay() {
        return firstDay.plusDays(days - 1L);
    }

    public Optional<Centre> centre(String code) {
        return centres.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public Map<String, Centre> centresByCode() {
        return centres.stream().collect(Collectors.toMap(Centre::code, Function.identity()));
    }

    public Map<String, Family> familiesById() {
        return families.stream().collect(Collectors.toMap(Family::id, Function.identity(), (a, b) -> a));
    }

    public int members() {
        return families.stream().mapToInt(Family::size).sum();
    }

    public int capacity() {
        return centres.stream().mapToInt(Centre::totalCapacity).sum();
    }

    /** Total demand over total capacity: above 1 not everybody can be seen, whatever the plan. */
    public double load() {
        int capacity = capacity();
        return capacity == 0 ? Double.POSITIVE_INFINITY : (double) members() / capacity;
    }

    /** The countries in order of first appearance among the centres, then among the families. */
    public List<String> countries() {
        return Stream.concat(
                        centres.stream().map(Centre::country), families.stream().map(Family::country))
                .distinct()
                .toList();
    }

    /** The part of this instance in one country: its centres and its families only. */
    public Instance country(String country) {
        return new Instance(
                name,
                firstDay,
                days,
                centres.stream().filter(c -> c.country().equals(country)).toList(),
                families.stream().filter(f -> f.country().equals(country)).toList());
    }
}
