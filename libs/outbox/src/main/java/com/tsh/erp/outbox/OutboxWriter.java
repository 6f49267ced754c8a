package com.tsh.erp.outbox;

import com.tsh.erp.events.Correlation;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.MDC;

/**
 * Writes an event into the outbox table of the service's database, in the caller's transaction:
 * the event exists exactly when the business change does. It refuses to run outside a
 * transaction ({@code MANDATORY}): there is no way to send an event without the change. The event
 * carries the current trace (OpenTelemetry's span, as a W3C {@code traceparent}) and request id.
 */
@ApplicationScoped
public class OutboxWriter {

    static final int LANES = 16;
    private static final String INSERT = """
            insert into tsh_outbox (event_id, topic, message_key, lane, event_type, envelope, traceparent)
            values (?, ?, ?, ?, ?, ?::json, ?)""";

    @Inject
    DataSource dataSource;
    @Inject
    Event<Written> written;

    /** Appends an event made here ({@code origin = tsh}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public <P> EventEnvelope<P> append(EventType<P> type, String aggregateId, long aggregateVersion, String actor, P payload) {
        return append(type, aggregateId, aggregateVersion, actor, EventEnvelope.ORIGIN_TSH, payload);
    }

    /** Appends an event; {@code origin} says where the change came from (e.g. {@code zoho}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public <P> EventEnvelope<P> append(EventType<P> type, String aggregateId, long aggregateVersion, String actor,
                                       String origin, P payload) {
        EventEnvelope<P> envelope = new EventEnvelope<>(UUID.randomUUID(), type.name(), type.aggregateType(), aggregateId,
                aggregateVersion, Instant.now().truncatedTo(ChronoUnit.MICROS), actor, origin,
                EventTracing.currentTraceparent(), requestId(), payload);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setObject(1, envelope.eventId());
            ps.setString(2, type.topic());
            ps.setString(3, aggregateId);
            ps.setShort(4, (short) lane(aggregateId));
            ps.setString(5, type.name());
            ps.setString(6, EventJson.write(envelope));
            ps.setString(7, envelope.traceparent()); // the relay's record header, without parsing the envelope
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write " + type.name() + " to the outbox: " + e.getMessage(), e);
        }
        written.fire(new Written(type.topic()));
        return envelope;
    }

    static int lane(String key) {
        return Math.floorMod(key.hashCode(), LANES);
    }

    /** Fired for each row written; {@link OutboxSignal} wakes the relay once the transaction commits. */
    public record Written(String topic) {
    }

    private static String requestId() {
        Object value = MDC.get(Correlation.REQUEST_ID);
        return value == null ? null : value.toString();
    }
}
