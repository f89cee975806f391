package org.iom.dna.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A registry centre as scheduling sees it: where it is, which languages its interpreters speak, and what it offers
 * members with particular needs.
 */
@Entity
@Table(name = "centre")
public class CentreReplica extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String country;

    @Column(nullable = false)
    public String zone;

    /** Comma-separated BCP 47 tags. */
    @Column(nullable = false)
    public String languages = "";

    /** Comma-separated: WHEELCHAIR_ACCESS, MEDICAL_CARE. */
    @Column(nullable = false)
    public String facilities = "";

    @Column(nullable = false)
    public String status;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** Whether an interpreter here speaks every one of {@code needed} (compared by primary language subtag). */
    public boolean speaksAll(Collection<String> needed) {
        return spokenAmong(languages, "")
                .containsAll(needed.stream().map(CentreReplica::primary).toList());
    }

    /** Whether the centre offers every one of {@code needed}. */
    public boolean offersAll(Collection<String> needed) {
        return Arrays.asList(facilities.split(",")).containsAll(needed);
    }

    /** The primary languages of comma-separated tag lists (a centre's own, a day's roster). */
    public static Set<String> spokenAmong(String... tagLists) {
        return Arrays.stream(tagLists)
                .flatMap(list -> Arrays.stream(list.split(",")))
                .filter(tag -> !tag.isBlank())
                .map(CentreReplica::primary)
                .collect(Collectors.toSet());
    }

    /** "fa-AF" and "fa" are both Persian to an interpreter; "prs" (Dari) stays its own language. */
    public static String primary(String tag) {
        return tag.strip().split("-")[0].toLowerCase(Locale.ROOT);
    }
}
