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

/** A registry centre as scheduling sees it: where it is, and which languages its interpreters speak. */
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

    @Column(nullable = false)
    public String status;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** Whether an interpreter here speaks every one of {@code needed} (compared by primary language subtag). */
    public boolean speaksAll(Collection<String> needed) {
        Set<String> spoken = Arrays.stream(languages.split(","))
                .filter(tag -> !tag.isBlank())
                .map(CentreReplica::primary)
                .collect(Collectors.toSet());
        return needed.stream().map(CentreReplica::primary).allMatch(spoken::contains);
    }

    /** "fa-AF" and "fa" are both Persian to an interpreter; "prs" (Dari) stays its own language. */
    public static String primary(String tag) {
        return tag.strip().split("-")[0].toLowerCase(Locale.ROOT);
    }
}
