package org.iom.dna.scheduling.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The waitlist as Prometheus gauges: families waiting per sampling country, and those whose deadline is at risk. A
 * job refreshes them from the database; bookings are counted as they commit (BookingService).
 */
@ApplicationScoped
public class SchedulingMetrics {

    private final MeterRegistry registry;
    private final EntityManager em;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    SchedulingMetrics(MeterRegistry registry, EntityManager em) {
        this.registry = registry;
        this.em = em;
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
            gauges.values().forEach(g -> g.set(0));
            for (Object[] row : rows) {
                String country = ((String) row[0]).trim();
                gauge("dna.waitlist.families", "Families waiting for a day, by sampling country", country)
                        .set(((Number) row[1]).longValue());
                gauge("dna.waitlist.deadline.at.risk", "Waiting families whose deadline is at risk", country)
                        .set(((Number) row[2]).longValue());
            }
        } catch (RuntimeException databaseAway) {
            // The last values stay; the datasource's health check reports the database.
        }
    }

    private AtomicLong gauge(String name, String description, String country) {
        return gauges.computeIfAbsent(name + "|" + country, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get)
                    .description(description)
                    .tag("country", country)
                    .register(registry);
            return value;
        });
    }
}
