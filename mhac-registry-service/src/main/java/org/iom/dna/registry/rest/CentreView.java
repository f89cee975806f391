package org.iom.dna.registry.rest;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.iom.dna.registry.domain.Centre;
import org.iom.dna.registry.domain.Facility;
import org.iom.dna.registry.domain.OpeningHours;

public record CentreView(
        String code,
        String name,
        String country,
        String city,
        boolean cityAssumed,
        String zone,
        List<String> languages,
        List<Facility> facilities,
        String status,
        List<Day> workingWeek,
        String dayListEmail) {

    /** @param dayOfWeek ISO weekday name, e.g. SATURDAY */
    public record Day(String dayOfWeek, LocalTime opens, LocalTime closes) {}

    static CentreView of(Centre c) {
        List<Day> week = OpeningHours.forCentre(c.code).stream()
                .sorted((a, b) -> Integer.compare(a.key.dayOfWeek, b.key.dayOfWeek))
                .map(h -> new Day(h.dayOfWeek().name(), h.opens, h.closes))
                .toList();
        return new CentreView(
                c.code,
                c.name,
                c.country,
                c.city,
                c.cityAssumed,
                c.zone,
                c.languages.isBlank() ? List.of() : Arrays.asList(c.languages.split(",")),
                c.facilityList(),
                c.status.name(),
                week,
                c.dayListEmail);
    }
}
