package org.iom.dna.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A registry centre as intake knows it from the registry's events: where it is, by country and {@link CityName}
 * key, and whether it works. Only to tell which centre is in the city where a member lives.
 */
@Entity
@Table(name = "centre")
public class Centre extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";

    @Id
    public String code;

    @Column(nullable = false)
    public String country;

    @Column(name = "city_key")
    public String cityKey;

    /** ACTIVE, SUSPENDED or CLOSED, as the registry last said. */
    @Column(nullable = false)
    public String status;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** The active centres of the country in the city, lowest code first. */
    public static List<Centre> activeIn(String country, String cityKey) {
        return list("country = ?1 and cityKey = ?2 and status = ?3 order by code", country, cityKey, ACTIVE);
    }
}
