package org.iom.dna.scheduling.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.iom.dna.platform.metrics.TaggedGauges;

/**
 * The waitlist as Prometheus gauges: families waiting per sampling country, and those whose deadline is at risk. A
 * job refreshes them from the database; bookings are counted as they commit (BookingService).
 */
@ApplicationScoped
public class SchedulingMetrics {

    private final EntityManager em;
    private final TaggedGauges waiting;
    private final TaggedGauges atRisk;

    SchedulingMetrics(MeterRegistry registry, EntityManager em) {
        this.em = em;
        this.waiting = new TaggedGauges(
                registry, "dna.waitlist.families", "Families waiting for a day, by sampling country", "country");
        this.atRisk = new TaggedGauges(
                registry, "dna.waitlist.deadline.at.risk", "Waiting families whose deadline is at risk", "country");
    }

    @Scheduled(every = "${dna.metrics.refresh:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @SuppressWarnings("unchecked")
    public void refresh() {
        try {
            List<Object[]> rows = QuarkusTransaction.requiringNew()
                    .call(() -> em.createNativeQuery("select country, count(*),"
                                    + " count(*) filter (where deadline_at_risk_since is not null)"
                                    + " from family_case where status = 'WAITING' group by country")
                            .getResultList());
            waiting.zeroAll();
            atRisk.zeroAll();
            for (Object[] row : rows) {
                String country = ((String) row[0]).trim();
                waiting.set(country, ((Number) row[1]).longValue());
                atRisk.set(country, ((Number) row[2]).longValue());
            }
        } catch (RuntimeException databaseAway) {
            // The last values stay; the datasource's health check reports the database.
        }
    }
}
