package org.iom.dna.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Carries one request's trace across the outbox and Kafka. Quarkus traces HTTP by itself, but an
 * event leaves through the outbox: written in the request's transaction, published later by the
 * relay's own thread. So the W3C {@code traceparent} of the moment the event was recorded is kept in
 * its outbox row and sent as a header of its record; the consumer continues the trace from there.
 * Every log line written meanwhile carries the trace id (the log format's {@code %X{traceId}}).
 */
@ApplicationScoped
public class Tracing {

    /** The W3C Trace Context header, as HTTP and the OpenTelemetry Kafka instrumentation name it. */
    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false)
                    .map(Header::key)
                    .toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    Tracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.iom.dna.platform");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** The current trace as a {@code traceparent} value, if the caller is inside one. */
    public Optional<String> currentTraceparent() {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(Context.current(), carrier, Map::put);
        return Optional.ofNullable(carrier.get(TRACEPARENT));
    }

    /**
     * Runs a consumer's work for one record in the record's trace: in the span the Kafka connector
     * made for it when there is one, else in a span of its own that continues the trace (a child of
     * the span that recorded the event), or starts a new trace if the record carries none.
     */
    public void consume(String consumer, ConsumerRecord<String, String> record, Runnable work) {
        Context parent = propagator.extract(Context.current(), record.headers(), KAFKA_HEADERS);
        String recordTrace = Span.fromContext(parent).getSpanContext().getTraceId();
        SpanContext current = Span.current().getSpanContext();
        if (current.isValid() && current.getTraceId().equals(recordTrace)) {
            // The Kafka connector already continued the record's trace in a consumer span: no second one.
            work.run();
            return;
        }
        Span span = tracer.spanBuilder(consumer + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                .setAttribute("messaging.consumer.group.name", consumer)
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            work.run();
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }
}
