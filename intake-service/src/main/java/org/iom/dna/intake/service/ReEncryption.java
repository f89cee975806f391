package org.iom.dna.intake.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iom.dna.intake.domain.PersonalData;
import org.jboss.logging.Logger;

/**
 * Key rotation: personal data sealed with a retired key is sealed again with the active one, and members' lookup
 * indexes are made again under it (or made for the first time), in small batches while the service runs. After a restart with a new active key (the old one still listed, so old rows stay readable), the
 * scheduled run moves every row over on its own; an admin can start a run at once. When no row is left under a key,
 * that key can be removed from the configuration.
 *
 * <p>Each batch locks its rows and skips those another transaction holds (an amendment in flight): they are taken by
 * a later batch. The update compares the key id it read, so a row changed in between is never overwritten, and it
 * leaves the rows' version alone: a rotation never makes a caller's amendment fail.
 */
@ApplicationScoped
public class ReEncryption {

    private static final Logger LOG = Logger.getLogger(ReEncryption.class);
    private static final int BATCH = 200;
    /** Stands in the "not in" list so that it is never empty. */
    private static final UUID NONE = new UUID(0, 0);

    private final PersonalDataCipher cipher;
    private final EntityManager em;
    private final AtomicBoolean running = new AtomicBoolean();

    ReEncryption(PersonalDataCipher cipher, EntityManager em) {
        this.cipher = cipher;
        this.em = em;
    }

    /** How many rows each key seals: family members' personal data and cases' private notes. */
    public record KeyUse(String keyId, boolean active, boolean configured, long members, long requests) {}

    public List<KeyUse> keyUse() {
        Map<String, long[]> counts = new TreeMap<>();
        counts.put(cipher.activeKeyId(), new long[2]);
        cipher.retiredKeyIds().forEach(k -> counts.put(k, new long[2]));
        QuarkusTransaction.requiringNew().run(() -> {
            count(
                    "select pii_key_id, count(*) from family_member where personal_data is not null group by 1",
                    counts,
                    0);
            count(
                    "select pii_key_id, count(*) from sampling_request where private_data is not null group by 1",
                    counts,
                    1);
        });
        return counts.entrySet().stream()
                .map(e -> new KeyUse(
                        e.getKey(),
                        e.getKey().equals(cipher.activeKeyId()),
                        cipher.knows(e.getKey()),
                        e.getValue()[0],
                        e.getValue()[1]))
                .toList();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Starts a run in the background unless one is going; true when this call started it. */
    public boolean start() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        CompletableFuture.runAsync(() -> {
            try {
                runToEnd();
            } finally {
                running.set(false);
            }
        });
        return true;
    }

    @Scheduled(
            every = "${intake.re-encryption.interval:5m}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (running.compareAndSet(false, true)) {
            try {
                runToEnd();
            } finally {
                running.set(false);
            }
        }
    }

    /**
     * Batch after batch until no readable row is under a retired key or without indexes under the active one; the
     * number of rows done.
     */
    public int runToEnd() {
        // Rows that do not decrypt (damaged, or bound to another row) are left as they are, reported by id only,
        // and not tried again in this run.
        Set<UUID> unreadable = new HashSet<>(Set.of(NONE));
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(() -> members(unreadable))
                    + QuarkusTransaction.requiringNew().call(() -> notes(unreadable));
            total += done;
        } while (done > 0);
        if (total > 0) {
            LOG.infof("personal data: %d row(s) sealed or indexed again with key %s", total, cipher.activeKeyId());
        }
        if (unreadable.size() > 1) {
            unreadable.remove(NONE);
            LOG.errorf(
                    "personal data: %d row(s) under a retired key do not decrypt and were left as they are: %s",
                    unreadable.size(), unreadable);
        }
        return total;
    }

    /**
     * One batch of members whose personal data is under a retired key or whose lookup indexes are not under the active
     * key (made before a rotation, or before indexes existed): sealed again where needed, indexed again. Rows locked
     * elsewhere are skipped; the number of rows taken, done or found unreadable.
     */
    @SuppressWarnings("unchecked")
    private int members(Set<UUID> unreadable) {
        String active = cipher.activeKeyId();
        List<Object[]> rows = em.createNativeQuery("select id, pii_key_id, personal_data from family_member"
                        + " where personal_data is not null and pii_key_id in (:known) and id not in (:unreadable)"
                        + " and (pii_key_id <> :active or lookup_key_id is distinct from :active)"
                        + " limit " + BATCH + " for update skip locked")
                .setParameter("known", cipher.knownKeyIds())
                .setParameter("unreadable", unreadable)
                .setParameter("active", active)
                .getResultList();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            String keyId = (String) row[1];
            byte[] data = (byte[]) row[2];
            PersonalData personal;
            try {
                personal = cipher.openJson(keyId, data, id, PersonalData.class);
            } catch (IllegalStateException e) {
                unreadable.add(id);
                continue;
            }
            PersonalDataCipher.Sealed sealed =
                    keyId.equals(active) ? new PersonalDataCipher.Sealed(keyId, data) : cipher.sealJson(personal, id);
            PersonalDataCipher.ContactIndexes indexes = cipher.contactIndexes(personal.contact());
            em.createNativeQuery("update family_member set personal_data = :data, pii_key_id = :key,"
                            + " phone_index = :phone, whatsapp_index = :whatsapp, lookup_key_id = :lookupKey"
                            + " where id = :id and pii_key_id = :old")
                    .setParameter("data", sealed.ciphertext())
                    .setParameter("key", sealed.keyId())
                    .setParameter("phone", indexes.phone())
                    .setParameter("whatsapp", indexes.whatsapp())
                    .setParameter("lookupKey", indexes.keyId())
                    .setParameter("id", id)
                    .setParameter("old", keyId)
                    .executeUpdate();
        }
        return rows.size();
    }

    /** One batch of cases' notes under a retired key, sealed again; as {@link #members}. */
    @SuppressWarnings("unchecked")
    private int notes(Set<UUID> unreadable) {
        List<Object[]> rows = em.createNativeQuery("select id, pii_key_id, private_data from sampling_request"
                        + " where private_data is not null and pii_key_id in (:known) and pii_key_id <> :active"
                        + " and id not in (:unreadable) limit " + BATCH + " for update skip locked")
                .setParameter("known", cipher.knownKeyIds())
                .setParameter("active", cipher.activeKeyId())
                .setParameter("unreadable", unreadable)
                .getResultList();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            String keyId = (String) row[1];
            PersonalDataCipher.Sealed sealed;
            try {
                sealed = cipher.reseal(keyId, (byte[]) row[2], id);
            } catch (IllegalStateException e) {
                unreadable.add(id);
                continue;
            }
            em.createNativeQuery("update sampling_request set private_data = :data, pii_key_id = :key"
                            + " where id = :id and pii_key_id = :old")
                    .setParameter("data", sealed.ciphertext())
                    .setParameter("key", sealed.keyId())
                    .setParameter("id", id)
                    .setParameter("old", keyId)
                    .executeUpdate();
        }
        return rows.size();
    }

    @SuppressWarnings("unchecked")
    private void count(String sql, Map<String, long[]> counts, int index) {
        for (Object[] row : (List<Object[]>) em.createNativeQuery(sql).getResultList()) {
            counts.computeIfAbsent((String) row[0], k -> new long[2])[index] = ((Number) row[1]).longValue();
        }
    }
}
