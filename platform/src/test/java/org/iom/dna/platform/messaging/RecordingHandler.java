package org.iom.dna.platform.messaging;

import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A consumer for the tests: applies a {@link TestEvent} by writing a row per application (so a count
 * shows duplicates), or fails the way the event asks it to.
 */
@ApplicationScoped
public class RecordingHandler implements EventHandler {

    public static final String CONSUMER = "platform-test.recorder";

    /**
     * @param behaviour apply, transient (fails {@code failures} times first), contract, verbose-contract (a
     *     violation with a very long message), unexplained, until-fixed, outage (fails transiently while
     *     {@link #outage(boolean)} is on)
     */
    public record TestEvent(String marker, String behaviour, int failures) {}

    private final EntityManager em;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    /** The trace each event was applied in, by marker. */
    private final Map<String, String> traces = new ConcurrentHashMap<>();
    /** For until-fixed: the consumer learns to read the event (a fix deployed). */
    private volatile boolean fixed;
    /** For outage: the database the consumer writes to is away. */
    private volatile boolean outage;

    RecordingHandler(EntityManager em) {
        this.em = em;
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public void apply(IncomingEvent event) {
        TestEvent e = event.payloadAs(TestEvent.class);
        int attempt =
                attempts.computeIfAbsent(e.marker(), m -> new AtomicInteger()).incrementAndGet();
        traces.put(e.marker(), Span.current().getSpanContext().getTraceId());
        switch (e.behaviour()) {
            case "transient" -> {
                if (attempt <= e.failures()) {
                    throw new IllegalStateException(
                            "wrapped", new SQLTransientConnectionException("database away", "08006"));
                }
            }
            case "contract" -> throw new ContractViolation("event " + e.marker() + " names nothing known");
            case "verbose-contract" -> throw new ContractViolation("event " + e.marker() + " " + "x".repeat(5000));
            case "unexplained" -> throw new IllegalStateException("a bug");
            case "outage" -> {
                if (outage) {
                    throw new IllegalStateException(
                            "wrapped", new SQLTransientConnectionException("database away", "08006"));
                }
            }
            case "until-fixed" -> {
                if (!fixed) {
                    throw new ContractViolation("not understood yet");
                }
            }
            default -> {
                // apply
            }
        }
        em.createNativeQuery("insert into test_effect (marker, applied_at) values (?1, now())")
                .setParameter(1, e.marker())
                .executeUpdate();
    }

    /** Through a method: the tests hold a client proxy, whose fields are not the bean's. */
    public void fixed(boolean fixed) {
        this.fixed = fixed;
    }

    /** Starts or ends an outage for events with behaviour "outage". */
    public void outage(boolean outage) {
        this.outage = outage;
    }

    /** The trace id the event was applied in (all zeros outside any trace). */
    String traceOf(String marker) {
        return traces.get(marker);
    }

    int attempts(String marker) {
        AtomicInteger count = attempts.get(marker);
        return count == null ? 0 : count.get();
    }
}
