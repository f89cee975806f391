package org.iom.dna.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Days a centre, or every centre of a country, does not sample: public holidays (lunar ones marked
 * estimated until announced), security closures, other. Data edited by staff, not code.
 */
@Entity
@Table(name = "closure")
public class Closure extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Set for a closure of one centre; otherwise {@link #country} is set. */
    @Column(name = "centre_code")
    public String centreCode;

    public String country;

    @Column(name = "first_day", nullable = false)
    public LocalDate firstDay;

    /** Inclusive. */
    @Column(name = "last_day", nullable = false)
    public LocalDate lastDay;

    @Column(nullable = false)
    public String reason;

    public String description;

    @Column(nullable = false)
    public boolean estimated;

    public boolean covers(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    public static List<Closure> affecting(Centre centre, LocalDate from, LocalDate to) {
        return list(
                "(centreCode = ?1 or country = ?2) and lastDay >= ?3 and firstDay <= ?4",
                centre.code,
                centre.country,
                from,
                to);
    }
}
