package org.iom.dna.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A weekly rule: on this weekday, between these local times, slots of this length for this many people. */
@Entity
@Table(name = "availability_template")
public class AvailabilityTemplate extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "centre_code", nullable = false)
    public String centreCode;

    @Column(name = "day_of_week", nullable = false)
    public short dayOfWeek;

    @Column(nullable = false)
    public LocalTime starts;

    @Column(nullable = false)
    public LocalTime ends;

    @Column(name = "slot_minutes", nullable = false)
    public int slotMinutes;

    @Column(nullable = false)
    public int capacity;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    /** Inclusive; {@code null} means open-ended. */
    @Column(name = "valid_to")
    public LocalDate validTo;

    public DayOfWeek weekday() {
        return DayOfWeek.of(dayOfWeek);
    }

    public boolean appliesOn(LocalDate day) {
        return day.getDayOfWeek() == weekday()
                && !day.isBefore(validFrom)
                && (validTo == null || !day.isAfter(validTo));
    }

    public static List<AvailabilityTemplate> forCentre(String centreCode) {
        return list("centreCode", centreCode);
    }
}
