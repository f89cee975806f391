package org.iom.dna.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A registry slot as scheduling sees it, with how many people are booked into it. {@code booked}
 * is never written through this entity: only {@code BookingService}'s conditional update raises it.
 */
@Entity
@Table(name = "slot")
public class SlotReplica extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "centre_code", nullable = false)
    public String centreCode;

    @Column(nullable = false)
    public String country;

    @Column(nullable = false)
    public String zone;

    @Column(name = "local_date", nullable = false)
    public LocalDate localDate;

    @Column(name = "local_start", nullable = false)
    public LocalTime localStart;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(nullable = false)
    public int capacity;

    @Column(nullable = false, insertable = false, updatable = false)
    public int booked;

    @Column(nullable = false)
    public String status;

    /** Created by staff for one ad-hoc case; never offered to other families. */
    @Column(name = "ad_hoc", nullable = false, insertable = false, updatable = false)
    public boolean adHoc;

    /** Open slots with room in a country, starting no earlier than {@code earliest}, on or before a local date. */
    public static List<SlotReplica> candidates(String country, Instant earliest, LocalDate lastDay) {
        return list(
                "country = ?1 and status = 'OPEN' and not adHoc and booked < capacity and startsAt >= ?2"
                        + " and localDate <= ?3"
                        + " order by localDate, centreCode, startsAt",
                country,
                earliest,
                lastDay);
    }
}
