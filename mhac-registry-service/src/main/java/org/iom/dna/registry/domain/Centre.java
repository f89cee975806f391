package org.iom.dna.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.ZoneId;
import java.util.List;
import org.iom.dna.platform.domain.NotFound;

/** A Migration Health Assessment Centre (or an ad-hoc sampling location). */
@Entity
@Table(name = "centre")
public class Centre extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String country;

    @Column(nullable = false)
    public String city;

    @Column(name = "city_assumed", nullable = false)
    public boolean cityAssumed;

    public String address;

    /** The MHAC's functional mailbox that gets the next day's list, or null for none. */
    @Column(name = "day_list_email")
    public String dayListEmail;

    /** IANA zone id; offsets are never stored because governments change them by decree. */
    @Column(nullable = false)
    public String zone;

    /** Comma-separated BCP 47 tags of languages with an interpreter on site. */
    @Column(nullable = false)
    public String languages;

    /** Comma-separated {@link Facility} names, each once, in declaration order ({@link Facility#join}). */
    @Column(nullable = false)
    public String facilities;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CentreStatus status;

    @Version
    public int version;

    /**
     * When the centre's details were last announced (CentreChangedV1); null for one never announced. Written
     * only by a plain update, so that announcing does not count as a change of the centre (its version).
     */
    @Column(name = "announced_at", insertable = false, updatable = false)
    public java.time.Instant announcedAt;

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    public List<Facility> facilityList() {
        return Facility.parse(facilities);
    }

    public static List<Centre> active() {
        return list("status", CentreStatus.ACTIVE);
    }

    /** @throws NotFound if no centre has this code */
    public static Centre require(String code) {
        return Centre.<Centre>findByIdOptional(code).orElseThrow(() -> new NotFound("centre " + code));
    }
}
