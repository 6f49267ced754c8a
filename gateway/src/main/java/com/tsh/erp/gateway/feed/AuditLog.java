package com.tsh.erp.gateway.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.Correlation;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Every change made through the system, as the services' events tell it: who ({@code actor}), what (the event
 * type), which record (aggregate type and id, at which version), when, where from ({@code origin}, the request id,
 * and the app when the event names one). Written by {@link FeedConsumer} in the transaction that records the event
 * in the inbox: one row per event, however often it is delivered ({@code audit_event_event_id_key} guards too).
 */
@ApplicationScoped
public class AuditLog {

    /** What {@code GET /api/v1/audit} filters by; null means "any". {@code to} is exclusive. */
    public record Filter(String actor, String entity, String entityId, String action, Instant from, Instant to) {
    }

    @Inject
    Sql sql;

    /** Records one event; false when it was recorded before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(String topic, EventEnvelope<JsonNode> e, String app) {
        String payload;
        try {
            payload = EventJson.mapper().writeValueAsString(e.payload());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        return sql.update("""
                insert into audit_event (event_id, topic, event_type, aggregate_type, aggregate_id, aggregate_version, actor, origin,
                    app, request_id, occurred_at, payload)
                values (:eventId, :topic, :type, :aggregateType, :aggregateId, :version, :actor, :origin, :app, :requestId,
                    :occurredAt, cast(:payload as jsonb))
                on conflict (event_id) do nothing""",
                Params.of("eventId", e.eventId()).and("topic", topic).and("type", e.eventType())
                        .and("aggregateType", e.aggregateType()).and("aggregateId", e.aggregateId())
                        .and("version", e.aggregateVersion())
                        .and("actor", e.actor() == null || e.actor().isBlank() ? "anonymous" : e.actor())
                        .and("origin", e.origin()).and("app", app).and("requestId", e.requestId())
                        .and("occurredAt", e.occurredAt()).and("payload", payload)) == 1;
    }

    /** The topic name recorded for the gateway's own changes (users), which are not events. */
    public static final String GATEWAY = "gateway";

    /**
     * One of the gateway's own changes (a user made, changed, or changing their password), recorded in the change's
     * transaction beside {@code app_user_change}, with the request's id. Entity {@code User}; details {@code {change}}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordUserChange(String action, long userId, long version, String actor, String change) {
        Object requestId = MDC.get(Correlation.REQUEST_ID);
        String payload;
        try {
            payload = EventJson.mapper().writeValueAsString(java.util.Map.of("change", change));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        sql.update("""
                insert into audit_event (event_id, topic, event_type, aggregate_type, aggregate_id, aggregate_version, actor, origin,
                    request_id, occurred_at, payload)
                values (:eventId, :topic, :type, 'User', :id, :version, :actor, :origin, :requestId, now(), cast(:payload as jsonb))""",
                Params.of("eventId", java.util.UUID.randomUUID()).and("topic", GATEWAY).and("type", action).and("id", Long.toString(userId))
                        .and("version", version).and("actor", actor).and("origin", EventEnvelope.ORIGIN_TSH)
                        .and("requestId", requestId == null ? null : requestId.toString()).and("payload", payload));
    }

    /** A page, newest first (by the time of the change, then the order recorded). */
    public Page<AuditView.Entry> list(Filter f, int page, int perPage) {
        Sql.Where where = Sql.Where.none()
                .andIfPresent("actor = :actor", "actor", f.actor())
                .andIfPresent("aggregate_type = :entity", "entity", f.entity())
                .andIfPresent("aggregate_id = :entityId", "entityId", f.entityId())
                .andIfPresent("event_type = :action", "action", f.action())
                .andIfPresent("occurred_at >= :from", "from", f.from())
                .andIfPresent("occurred_at < :to", "to", f.to());
        List<AuditView.Entry> rows = sql.list("""
                select id, event_id, event_type, aggregate_type, aggregate_id, aggregate_version, actor, origin, app, request_id,
                    occurred_at, recorded_at, topic, payload::text as payload
                from audit_event""" + where + " order by occurred_at desc, id desc" + Sql.PAGE,
                where.params().page(page, perPage), AuditLog::entry);
        return Page.of(rows, page, perPage);
    }

    static AuditView.Entry entry(Sql.Row r) throws SQLException {
        String actor = r.getString("actor");
        Long userId = null;
        if (actor.startsWith("user:")) {
            try {
                userId = Long.valueOf(actor.substring(5));
            } catch (NumberFormatException e) {
                userId = null; // a service that recorded the username (Actors.of) instead of the id
            }
        }
        java.util.Map<String, Object> payload;
        try {
            payload = EventJson.mapper().convertValue(snakeCase(EventJson.mapper().readTree(r.getString("payload"))),
                    new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new AuditView.Entry(r.getLong("id"), r.getString("event_id"), r.getInstant("occurred_at"), actor, userId,
                r.getString("event_type"), r.getString("aggregate_type"), r.getString("aggregate_id"), r.getLong("aggregate_version"),
                r.getString("origin"), r.getString("app"), r.getString("request_id"), r.getString("topic"),
                r.getInstant("recorded_at"), payload);
    }

    /** The event's camelCase JSON with the API's snake_case names ({@code nameAr} -> {@code name_ar}), values as they are. */
    static JsonNode snakeCase(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = EventJson.mapper().createObjectNode();
            node.fields().forEachRemaining(f -> out.set(snakeCase(f.getKey()), snakeCase(f.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = EventJson.mapper().createArrayNode();
            node.forEach(v -> out.add(snakeCase(v)));
            return out;
        }
        return node;
    }

    static String snakeCase(String name) {
        StringBuilder b = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    b.append('_');
                }
                b.append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
