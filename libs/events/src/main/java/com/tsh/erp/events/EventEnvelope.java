package com.tsh.erp.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on every topic. The record key is {@code aggregateId}, so all events of one
 * product, client or order stay in order. Fields are only ever added, never renamed or removed;
 * readers ignore fields they do not know.
 *
 * <p><b>The version rule.</b> {@code aggregateVersion} is, per aggregate and per topic, a number that
 * only grows: each event of an aggregate on a topic carries a higher version than the one before it
 * on that topic, and the state it carries is the state at that version (read under the aggregate's
 * row lock in the transaction that wrote the event, never from an earlier read). So a consumer that
 * keeps a copy applies an event whose version is higher than the one it holds, ignores a lower one
 * (the relay may reorder a key's events after a failed send), and treats an equal one as a repeat.
 * Producers take the number from one counter per aggregate and topic:
 * <ul>
 * <li>{@code ProductUpserted}, {@code ProductDeactivated}, {@code CategoryUpserted}, {@code ClientUpserted},
 * {@code SalespersonUpserted}: the row's own version (optimistic locking), raised by every change;</li>
 * <li>{@code StockChanged}: the product's stock version, raised by every stock ledger row;</li>
 * <li>{@code BalanceChanged}: the client's balance version, raised by every client ledger row;</li>
 * <li>saga answers ({@code StockReserved}, {@code StockReservationRejected}, {@code CreditReserved},
 * {@code CreditRejected}): the version of the {@code OrderPlaced} they answer (a re-sent order gets
 * the same answer under the same version);</li>
 * <li>order events: the order's own version, raised by every transition.</li>
 * </ul>
 *
 * @param eventId          unique per event; consumers record it to apply each event once
 * @param eventType        past tense, e.g. {@code ProductUpserted}
 * @param aggregateType    e.g. {@code Product}
 * @param aggregateId      the id of the changed aggregate, as text
 * @param aggregateVersion see "The version rule" above
 * @param occurredAt       when the change was committed by its producer
 * @param actor            who caused the change: a user id, or a system actor such as {@code system:zoho-sync}
 * @param origin           where the change came from: {@code tsh} for changes made here, {@code zoho} for changes
 *                         that came in from Zoho (the Zoho sync does not push those back)
 * @param traceparent      W3C trace context of the request that caused the change, if any
 * @param requestId        the {@code X-Request-Id} of the request that caused the change, if any
 * @param payload          the event record; Upserted events carry the whole new state
 */
public record EventEnvelope<P>(
        UUID eventId,
        String eventType,
        String aggregateType,
        String aggregateId,
        long aggregateVersion,
        Instant occurredAt,
        String actor,
        String origin,
        String traceparent,
        String requestId,
        P payload) {

    public static final String ORIGIN_TSH = "tsh";
    public static final String ORIGIN_ZOHO = "zoho";

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        if (origin == null) {
            origin = ORIGIN_TSH;
        }
    }

    public boolean cameFromZoho() {
        return ORIGIN_ZOHO.equals(origin);
    }

    public <Q> EventEnvelope<Q> withPayload(Q newPayload) {
        return new EventEnvelope<>(eventId, eventType, aggregateType, aggregateId, aggregateVersion, occurredAt,
                actor, origin, traceparent, requestId, newPayload);
    }
}
