package org.iom.dna.notification.daylist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** The last list of a centre's day that was e-mailed to it, by its fingerprint. */
@Entity
@Table(name = "centre_day_list")
public class CentreDayList extends PanacheEntityBase {

    @Embeddable
    public record Key(
            @Column(name = "centre_code") String centreCode,
            @Column(name = "local_date") LocalDate localDate) implements Serializable {}

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String fingerprint;

    @Column(nullable = false)
    public int families;

    @Column(nullable = false)
    public int members;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;
}
