package org.iom.dna.events;

/**
 * Kafka topic names: one per producing aggregate, versioned in the name. Every event is keyed by
 * its aggregate id (a request id, a centre code) so that one aggregate's events stay in order.
 */
public final class Topics {
    public static final String SAMPLING_REQUESTS = "intake.sampling-requests.v1";
    public static final String SLOTS = "registry.slots.v1";
    public static final String APPOINTMENTS = "scheduling.appointments.v1";
    public static final String DELIVERIES = "notification.deliveries.v1";

    private Topics() {}
}
