package com.tsh.erp.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A saga participant's memory of what it answered. Every request (an {@code OrderPlaced}) is
 * decided once: the decision and the answer event are recorded with the effect, in the same
 * transaction. A request that comes again later under a new event id (order-service re-sending an
 * order) is not evaluated again: it gets the recorded answer again, whatever changed meanwhile (an
 * order rejected for stock stays rejected when stock arrives later).
 *
 * <pre>
 * static final Participant&lt;Decision&gt; STOCK = new Participant&lt;&gt;("stock", Decision.class,
 *         CatalogEvents.STOCK_RESERVED, CatalogEvents.STOCK_RESERVATION_REJECTED);
 * Optional&lt;Decision&gt; before = answers.repeat(STOCK, orderId, ACTOR);
 * if (before.isPresent()) return before.get();
 * ... decide, change what the decision changes ...
 * answers.answer(STOCK, orderId, Decision.RESERVED, CatalogEvents.STOCK_RESERVED, orderVersion, ACTOR, payload);
 * </pre>
 */
@ApplicationScoped
public class SagaAnswers {

    /**
     * A participant: its name in the memory of answers, the decisions it takes (an enum, recorded
     * by name) and the event types it answers with.
     */
    public record Participant<D extends Enum<D>>(String name, Class<D> decisions, List<EventType<?>> answerTypes) {

        public Participant(String name, Class<D> decisions, EventType<?>... answerTypes) {
            this(name, decisions, List.of(answerTypes));
        }
    }

    @Inject
    DataSource dataSource;
    @Inject
    OutboxWriter outbox;

    /**
     * If this request was answered before, puts the same answer (same type, payload and version,
     * a new event id) in the outbox again and returns the decision; empty for a new request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <D extends Enum<D>> Optional<D> repeat(Participant<D> participant, String requestId, String actor) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select decision, event_type, event_version, payload::text from tsh_saga_answer
                     where participant = ? and request_id = ?""")) {
            ps.setString(1, participant.name());
            ps.setString(2, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String typeName = rs.getString(2);
                EventType<?> type = participant.answerTypes().stream().filter(t -> t.name().equals(typeName)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("recorded answer " + typeName + " is not one of "
                                + participant.answerTypes()));
                resend(type, requestId, rs.getLong(3), actor, rs.getString(4));
                return Optional.of(Enum.valueOf(participant.decisions(), rs.getString(1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the answer to " + requestId + ": " + e.getMessage(), e);
        }
    }

    private <P> void resend(EventType<P> type, String requestId, long version, String actor, String payload) {
        try {
            outbox.append(type, requestId, version, actor, EventJson.mapper().readValue(payload, type.payloadClass()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("recorded answer to " + requestId + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Records the decision and puts its answer in the outbox, keyed by the request id.
     *
     * @param version the answer's aggregateVersion: the version of the request it answers
     * @throws IllegalStateException when a concurrent twin of the request was answered first (the
     *                               consumer's retry then finds that answer and repeats it)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <D extends Enum<D>, P> void answer(Participant<D> participant, String requestId, D decision, EventType<P> type,
                                              long version, String actor, P payload) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into tsh_saga_answer (participant, request_id, decision, event_type, event_version, payload)
                     values (?, ?, ?, ?, ?, ?::json) on conflict do nothing""")) {
            ps.setString(1, participant.name());
            ps.setString(2, requestId);
            ps.setString(3, decision.name());
            ps.setString(4, type.name());
            ps.setLong(5, version);
            ps.setString(6, EventJson.mapper().writeValueAsString(payload));
            if (ps.executeUpdate() == 0) {
                throw new IllegalStateException(participant.name() + " answer to " + requestId + " was given meanwhile");
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not record the answer to " + requestId + ": " + e.getMessage(), e);
        }
        outbox.append(type, requestId, version, actor, payload);
    }
}
