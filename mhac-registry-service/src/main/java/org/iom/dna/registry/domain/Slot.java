package org.iom.dna.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A concrete period at one centre when a number of people can be sampled. */
@Entity
@Table(name = "slot")
public class Slot extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "centre_code", nullable = false)
    public String centreCode;

    @Column(name = "local_date", nullable = false)
    public LocalDate localDate;

    @Column(name = "local_start", nullable = false)
    public LocalTime localStart;

    @Column(name = "local_end", nullable = false)
    public LocalTime localEnd;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(nullable = false)
    public int capacity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SlotStatus status;

    /** Why the slot was withdrawn: CLOSURE or CENTRE_NOT_ACTIVE; null while it is not. */
    @Column(name = "withdrawn_reason")
    public String withdrawnReason;

    /** Added by MHAC staff by hand rather than generated from a template. */
    @Column(name = "ad_hoc", nullable = false)
    public boolean adHoc;

    /** Optimistic lock, exposed to clients as the ETag. */
    @Version
    public int version;

    public static List<Slot> between(String centreCode, LocalDate from, LocalDate to) {
        return list("centreCode = ?1 and localDate >= ?2 and localDate <= ?3 order by startsAt", centreCode, from, to);
    }
}
