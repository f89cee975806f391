package org.iom.dna.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauges of one name with one tag, whose values a refresh job sets: a gauge is registered the first time its tag
 * value is seen (a country, a consumer) and keeps its last value until set again.
 */
public final class TaggedGauges {

    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final String tag;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    public TaggedGauges(MeterRegistry registry, String name, String description, String tag) {
        this.registry = registry;
        this.name = name;
        this.description = description;
        this.tag = tag;
    }

    public void set(String tagValue, long value) {
        values.computeIfAbsent(tagValue, v -> {
                    AtomicLong held = new AtomicLong();
                    Gauge.builder(name, held, AtomicLong::get)
                            .description(description)
                            .tag(tag, v)
                            .register(registry);
                    return held;
                })
                .set(value);
    }

    /** Every gauge back to 0, before a refresh sets those that still have a value. */
    public void zeroAll() {
        values.values().forEach(v -> v.set(0));
    }
}
