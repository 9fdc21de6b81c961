package shouwang.kit.events;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C trace context across the outbox: the span a change was made in is written on its outbox row, rides the Kafka
 * record as {@code traceparent} (and {@code ce_traceparent}, the CloudEvents distributed-tracing extension), and the
 * consumer applies the record in a child span of it. So one trace runs from a REST call through every service its
 * events reach, although the relay sends them later, from another thread.
 */
@ApplicationScoped
public class TraceContext {

    /** W3C header, read by tracing tools and instrumented clients. */
    public static final String TRACEPARENT = "traceparent";
    /** The same value as a CloudEvents extension attribute in binary mode. */
    public static final String CE_TRACEPARENT = "ce_traceparent";

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            java.util.List<String> keys = new java.util.ArrayList<>();
            carrier.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers carrier, String key) {
            Header header = carrier == null ? null : carrier.lastHeader(key);
            if (header == null && TRACEPARENT.equals(key) && carrier != null) {
                header = carrier.lastHeader(CE_TRACEPARENT);
            }
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    @Inject
    Tracer tracer;

    /** {@code 00-<trace id>-<span id>-<flags>} of the current span, or null outside any trace. */
    public String currentTraceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /** Adds both headers for an outbox row's trace context (nothing for a row written outside a trace). */
    public static void addHeaders(Headers headers, String traceparent) {
        if (traceparent != null && !traceparent.isBlank()) {
            byte[] value = traceparent.getBytes(StandardCharsets.UTF_8);
            headers.add(TRACEPARENT, value);
            headers.add(CE_TRACEPARENT, value);
        }
    }

    /**
     * Runs {@code work} in a CONSUMER span whose parent is the record's trace context (a new trace when the record
     * carries none), so what the work publishes continues that trace.
     */
    public <T> T consuming(String consumer, String eventName, Headers headers, Supplier<T> work) {
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, HEADERS);
        Span span = tracer.spanBuilder(consumer + " process " + eventName).setSpanKind(SpanKind.CONSUMER)
                .setParent(parent).setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.consumer.group.name", consumer).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }
}
