package org.iom.dna.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/** One open weekday of a centre's working week, in local time. */
@Entity
@Table(name = "opening_hours")
public class OpeningHours extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public LocalTime opens;

    @Column(nullable = false)
    public LocalTime closes;

    public DayOfWeek dayOfWeek() {
        return DayOfWeek.of(key.dayOfWeek);
    }

    public static List<OpeningHours> forCentre(String centreCode) {
        return list("key.centreCode", centreCode);
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "centre_code")
        public String centreCode;

        /** ISO: 1 = Monday .. 7 = Sunday. */
        @Column(name = "day_of_week")
        public short dayOfWeek;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.centreCode.equals(centreCode) && k.dayOfWeek == dayOfWeek;
        }

        @Override
        public int hashCode() {
            return centreCode.hashCode() * 31 + dayOfWeek;
        }
    }
}
