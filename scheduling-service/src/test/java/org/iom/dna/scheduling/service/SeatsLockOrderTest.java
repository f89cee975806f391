package org.iom.dna.scheduling.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Java and PostgreSQL lock rows in the same order: {@link Seats#LOCK_ORDER} sorts uuids as PostgreSQL's {@code order
 * by} does, also where {@link UUID#compareTo} would not (a first byte of 0x80 or more is negative to Java).
 */
@QuarkusTest
class SeatsLockOrderTest {

    @Inject
    EntityManager em;

    @Test
    @SuppressWarnings("unchecked")
    void shouldSortUuidsAsThePostgresqlOrderByDoes() {
        Random random = new Random(7);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }

        List<UUID> inPostgres = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select id from unnest(cast(?1 as uuid[])) as t(id) order by id")
                        .setParameter(1, ids.stream().map(UUID::toString).toArray(String[]::new))
                        .getResultList());

        assertThat(ids.stream().sorted(Seats.LOCK_ORDER).toList()).isEqualTo(inPostgres);
        assertThat(ids.stream().sorted().toList())
                .as("Java's own order differs, which is why it is not used")
                .isNotEqualTo(inPostgres);
    }
}
