package org.iom.dna.platform.tracing;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Spans are made everywhere (their trace ids are in every log line and travel with every event), but
 * exported only where a collector is configured ({@code OTEL_EXPORTER_OTLP_ENDPOINT}). Without one,
 * Quarkus would send to localhost:4317 and log a failure for every batch; a span exporter bean in
 * its place makes Quarkus leave its OTLP exporter out, and this one drops what it is given.
 */
public class SpanExport {

    @Produces
    @Singleton
    @Unremovable
    @LookupIfProperty(name = "dna.tracing.otlp-endpoint", stringValue = "", lookupIfMissing = true)
    SpanExporter noCollectorConfigured() {
        return SpanExporter.composite();
    }
}
