package org.iom.dna.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The interpreters on duty at a centre on one local day, besides the languages of the centre's own interpreters.
 * The latest roster of a day replaces any earlier one; a day without a row has no extra interpreter.
 */
@Entity
@Table(name = "interpreter_roster")
public class InterpreterRoster extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    /** Comma-separated BCP 47 tags, each once, sorted; empty for none. */
    @Column(nullable = false)
    public String languages;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** Who set the roster (the token's principal), for the audit trail. */
    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    public List<String> languageList() {
        return languages.isEmpty() ? List.of() : List.of(languages.split(","));
    }

    public static InterpreterRoster forDay(String centreCode, LocalDate day) {
        return findById(Key.of(centreCode, day));
    }

    /** The rosters set for a centre's days between two local dates (inclusive), earliest first. */
    public static List<InterpreterRoster> between(String centreCode, LocalDate from, LocalDate to) {
        return list(
                "key.centreCode = ?1 and key.localDate >= ?2 and key.localDate <= ?3 order by key.localDate",
                centreCode,
                from,
                to);
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "centre_code")
        public String centreCode;

        @Column(name = "local_date")
        public LocalDate localDate;

        public static Key of(String centreCode, LocalDate localDate) {
            Key key = new Key();
            key.centreCode = centreCode;
            key.localDate = localDate;
            return key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.centreCode.equals(centreCode) && k.localDate.equals(localDate);
        }

        @Override
        public int hashCode() {
            return centreCode.hashCode() * 31 + localDate.hashCode();
        }
    }
}
