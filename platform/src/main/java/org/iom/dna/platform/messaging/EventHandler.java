package org.iom.dna.platform.messaging;

/**
 * One consumer of one topic: applies the events it has not seen yet. Its name keys the inbox and
 * the dead letters, so a parked record can be replayed through the same handler later.
 */
public interface EventHandler {

    /** The consumer's stable name, e.g. {@code scheduling.slots}; never rename a consumer in use. */
    String consumer();

    /** Applies one event inside the inbox's transaction; throws {@link ContractViolation} for a misfit. */
    void apply(IncomingEvent event);
}
