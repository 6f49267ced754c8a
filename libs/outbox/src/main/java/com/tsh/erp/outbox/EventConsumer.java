package com.tsh.erp.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.events.Correlation;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.InvalidEventException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The consumer side of the outbox, for {@code @Incoming} methods:
 *
 * <pre>
 * &#64;Incoming("orders") &#64;Blocking
 * public void onOrderEvent(ConsumerRecord&lt;String, String&gt; record) {
 *     events.consume("orders", record, routes); // routes: an EventRoutes built once
 * }
 * </pre>
 *
 * The consumer's name in the inbox is the application's and the channel's,
 * {@code <quarkus.application.name>.<channel>} (e.g. {@code catalog-service.orders}).
 * Each record is applied at most once per consumer name: its event id is recorded in the same
 * transaction as the effect, and a redelivered id is skipped. A failure that may pass (a lock
 * timeout, the database restarting) is retried with backoff in a fresh transaction. A record that
 * can never be applied (not an event, payload off-contract), or one still failing after the
 * retries, is thrown back with the reason; the channel's {@code failure-strategy=dead-letter-queue}
 * sends it to {@code <topic>.dlq} with that reason in the {@code dead-letter-reason} header, and
 * the partition moves on.
 *
 * <p>Each event is handled in a span of its own ({@code <eventType> process}, kind CONSUMER), a child
 * of the trace its envelope carries ({@code traceparent}), with the event's request id in the logging
 * MDC: events the handler writes carry the same trace and request id.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    RetryingApplier applier;
    @Inject
    OutboxMetrics metrics;
    @Inject
    EventTracing tracing;
    @ConfigProperty(name = "quarkus.application.name")
    String application;

    /**
     * Applies the record through the channel's routes, once per event id; events without a route
     * are recorded as seen and otherwise ignored. Returns false when it was a redelivery.
     */
    public boolean consume(String channel, ConsumerRecord<String, String> record, EventRoutes routes) {
        return consume(application + "." + channel, record, routes::dispatch);
    }

    /**
     * As {@link #consume(String, ConsumerRecord, EventRoutes)}, under an explicit inbox name instead of
     * {@code <application>.<channel>}: for a consumer that must apply a topic again from its beginning
     * under a new name (a read model rebuilt from scratch), which the old name's inbox would skip.
     */
    public boolean consumeAs(String consumer, ConsumerRecord<String, String> record, EventRoutes routes) {
        return consume(consumer, record, routes::dispatch);
    }

    /**
     * The low-level form: applies the record with one handler under an explicit consumer name;
     * returns false when it was a redelivery of an event already applied.
     */
    public boolean consume(String consumer, ConsumerRecord<String, String> record, EventHandler handler) {
        EventEnvelope<JsonNode> event;
        try {
            event = EventJson.read(record.value());
        } catch (RuntimeException e) {
            throw deadLetter(consumer, record, e);
        }
        // while it is handled (every retry, and the dead-lettering) the event's trace and request id are
        // the current ones: log lines carry them, and the events the handler writes carry them on
        Span span = tracing.startHandling(consumer, event);
        Scope scope = span.makeCurrent();
        Object previousRequestId = MDC.get(Correlation.REQUEST_ID);
        putMdc(Correlation.REQUEST_ID, event.requestId());
        try {
            return applier.apply(consumer, event, handler);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw deadLetter(consumer, record, e);
        } finally {
            putMdc(Correlation.REQUEST_ID, previousRequestId);
            scope.close();
            span.end();
        }
    }

    private DeadLetterException deadLetter(String consumer, ConsumerRecord<String, String> record, RuntimeException e) {
        String reason = reason(e);
        LOG.errorf("Dead-lettering %s-%d@%d (key %s) for %s: %s", record.topic(), record.partition(), record.offset(),
                record.key(), consumer, reason);
        metrics.deadLettered(record.topic());
        return new DeadLetterException(reason, e);
    }

    private static void putMdc(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof InvalidEventException)) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    /** Thrown to send a record to its dead-letter topic; its message is the reason recorded there. */
    public static class DeadLetterException extends RuntimeException {
        public DeadLetterException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
