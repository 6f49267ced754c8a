package com.tsh.erp.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

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
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    RetryingApplier applier;
    @Inject
    OutboxMetrics metrics;
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
     * The low-level form: applies the record with one handler under an explicit consumer name;
     * returns false when it was a redelivery of an event already applied.
     */
    public boolean consume(String consumer, ConsumerRecord<String, String> record, EventHandler handler) {
        try {
            EventEnvelope<JsonNode> event = EventJson.read(record.value());
            return applier.apply(consumer, event, handler);
        } catch (RuntimeException e) {
            String reason = reason(e);
            LOG.errorf("Dead-lettering %s-%d@%d (key %s) for %s: %s", record.topic(), record.partition(), record.offset(),
                    record.key(), consumer, reason);
            metrics.deadLettered(record.topic());
            throw new DeadLetterException(reason, e);
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
