package com.tsh.erp.outbox;

import com.tsh.erp.events.Correlation;
import com.tsh.erp.events.EventEnvelope;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The trace an event carries: the W3C {@code traceparent} of the span that wrote it, in the
 * envelope (and, through the relay, as the Kafka record header of the same name), and the span of
 * handling it on the consumer side, a child of that one. So a request's trace follows its events
 * through every service, and the events a handler writes carry the handler's trace.
 */
@ApplicationScoped
public class EventTracing {

    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceparent) {
            return List.of(Correlation.TRACEPARENT_HEADER);
        }

        @Override
        public String get(String traceparent, String key) {
            return Correlation.TRACEPARENT_HEADER.equals(key) ? traceparent : null;
        }
    };

    @Inject
    Tracer tracer;

    /** The current span as a W3C {@code traceparent}, or null outside any trace. */
    public static String currentTraceparent() {
        String[] traceparent = new String[1];
        W3C.inject(Context.current(), traceparent, (carrier, key, value) -> {
            if (Correlation.TRACEPARENT_HEADER.equals(key)) {
                carrier[0] = value;
            }
        });
        return traceparent[0];
    }

    /**
     * Starts the span of handling an event ({@code <eventType> process}, kind CONSUMER): a child of
     * the span that wrote it, or the root of a new trace when the event carries none (or an invalid
     * one). The caller makes it current while the handler runs and ends it.
     */
    Span startHandling(String consumer, EventEnvelope<?> event) {
        Context parent = event.traceparent() == null ? Context.root()
                : W3C.extract(Context.root(), event.traceparent(), TRACEPARENT);
        return tracer.spanBuilder(event.eventType() + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.message.id", event.eventId().toString())
                .setAttribute("tsh.consumer", consumer)
                .startSpan();
    }
}
