package org.iom.dna.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.iom.dna.events.CentreChangedV1;
import org.iom.dna.intake.domain.Centre;
import org.iom.dna.intake.domain.CityName;
import org.iom.dna.platform.messaging.ContractViolation;

/**
 * intake's copy of the registry's centres, kept from its events, to tell scheduling which centre is in the city
 * where a member lives without the city ever leaving intake.
 */
@ApplicationScoped
public class RegistryCentres {

    private final EntityManager em;

    RegistryCentres(EntityManager em) {
        this.em = em;
    }

    /** Upsert, newest wins: an older event (replayed, or overtaken) does not undo a newer one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void centreChanged(CentreChangedV1 e) {
        if (e.code() == null || e.country() == null || e.status() == null || e.changedAt() == null) {
            throw new ContractViolation("centre event lacks its code, country, status or changedAt");
        }
        em.createNativeQuery("insert into centre (code, country, city_key, status, changed_at)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict (code) do update set country = excluded.country,"
                        + " city_key = excluded.city_key, status = excluded.status, changed_at = excluded.changed_at"
                        + " where centre.changed_at < excluded.changed_at")
                .setParameter(1, e.code())
                .setParameter(2, e.country())
                .setParameter(3, CityName.key(e.city()))
                .setParameter(4, e.status())
                .setParameter(5, e.changedAt())
                .executeUpdate();
    }

    /**
     * The code of the active centre of the country in the city, or null if intake knows none there. Should the
     * city have several, the case's preferred one, else the lowest code, so the answer does not depend on
     * the order the registry announced them in.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String inCity(String country, String city, String preferredCentre) {
        String key = CityName.key(city);
        if (country == null || key == null) {
            return null;
        }
        List<String> codes =
                Centre.activeIn(country, key).stream().map(c -> c.code).toList();
        if (preferredCentre != null && codes.contains(preferredCentre)) {
            return preferredCentre;
        }
        return codes.isEmpty() ? null : codes.get(0);
    }
}
