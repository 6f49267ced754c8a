package com.tsh.erp.orders.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tsh.erp.defaults.Actors;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.events.orders.OrderCancelled;
import com.tsh.erp.events.orders.OrderConfirmed;
import com.tsh.erp.events.orders.OrderDelivered;
import com.tsh.erp.events.orders.OrderEvents;
import com.tsh.erp.events.orders.OrderRejected;
import com.tsh.erp.orders.config.OrdersConfig;
import com.tsh.erp.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * order-service's side of the saga, and every transition after placing. Each runs under the
 * order's row lock ({@code select ... for update}), so the two answers, the timeout sweep, a
 * cancel and a deliver of one order take turns, and each transition raises the order's version
 * (the aggregateVersion of the event it writes) and is recorded with its time, actor and reason.
 *
 * <ul>
 * <li>An answer is taken only while the order is PENDING and only once per side: a repeat (a
 * participant re-sending its answer under a new event id) or a late answer (after a timeout, a
 * cancel) changes nothing. A late yes needs nothing from here: the OrderRejected or OrderCancelled
 * already written follows the OrderPlaced on orders.orders, and the participant releases on it.</li>
 * <li>Both yes: CONFIRMED and {@code OrderConfirmed}. A no: REJECTED with the participant's figures
 * and {@code OrderRejected}, which releases what the other side reserved.</li>
 * <li>No order stays PENDING longer than {@code tsh.orders.saga-timeout}: the sweep rejects it with
 * reason TIMEOUT. It claims orders with {@code FOR UPDATE SKIP LOCKED}, so two replicas sweeping at
 * once take different orders, and an order being answered right now is left for the next sweep.</li>
 * </ul>
 */
@ApplicationScoped
public class OrderSaga {

    static final String ACTOR = Actors.system("order-saga");
    private static final Logger LOG = Logger.getLogger(OrderSaga.class);

    @Inject
    Sql sql;
    @Inject
    OutboxWriter outbox;
    @Inject
    OrdersConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    OrderQueries queries;

    /** Which participant answered. */
    public enum Side {
        STOCK("stock_answer"), CREDIT("credit_answer");

        final String column;

        Side(String column) {
            this.column = column;
        }
    }

    /** The order row as locked for a transition. */
    private record Locked(UUID id, String number, long clientId, ClientType channel, Long salespersonId, OrderStatus status,
                         String stockAnswer, String creditAnswer, BigDecimal subtotal, BigDecimal discountPercent,
                         BigDecimal discount, BigDecimal total, String currency, String note, Instant placedAt, long version) {
    }

    private Optional<Locked> lock(UUID id, boolean skipLocked) {
        return sql.one("""
                select id, number, client_id, channel, salesperson_id, status, stock_answer, credit_answer, subtotal, discount_percent,
                       discount, total, currency, note, placed_at, version
                from sales_order where id = :id for update""" + (skipLocked ? " skip locked" : ""), Params.of("id", id),
                r -> new Locked(UUID.fromString(r.getString("id")), r.getString("number"), r.getLong("client_id"),
                        ClientType.valueOf(r.getString("channel")), r.getLongOrNull("salesperson_id"), OrderStatus.valueOf(r.getString("status")),
                        r.getString("stock_answer"), r.getString("credit_answer"), r.getBigDecimal("subtotal"),
                        r.getBigDecimal("discount_percent"), r.getBigDecimal("discount"), r.getBigDecimal("total"), r.getString("currency"),
                        r.getString("note"), r.getInstant("placed_at"), r.getLong("version")));
    }

    /**
     * A participant's answer. {@code rejection} is null for a yes. Returns the order's status after
     * it (empty when the order is not one of ours: the answer is logged and dropped).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<OrderStatus> answer(String orderId, Side side, Rejection rejection) {
        UUID id;
        try {
            id = UUID.fromString(orderId);
        } catch (IllegalArgumentException e) {
            LOG.warnf("%s answer for %s ignored: not an order id of ours", side, orderId);
            return Optional.empty();
        }
        Optional<Locked> found = lock(id, false);
        if (found.isEmpty()) {
            LOG.warnf("%s answer for unknown order %s ignored", side, orderId);
            return Optional.empty();
        }
        Locked o = found.get();
        String recorded = side == Side.STOCK ? o.stockAnswer() : o.creditAnswer();
        if (o.status() != OrderStatus.PENDING || recorded != null) {
            LOG.debugf("%s answer for %s (%s) changes nothing: %s", side, o.number(), o.status(),
                    recorded != null ? "answered before" : "late");
            return Optional.of(o.status());
        }
        boolean yes = rejection == null;
        sql.update("update sales_order set " + side.column + " = :answer where id = :id",
                Params.of("answer", yes ? "YES" : "NO").and("id", id));
        if (!yes) {
            reject(o, rejection);
            return Optional.of(OrderStatus.REJECTED);
        }
        String other = side == Side.STOCK ? o.creditAnswer() : o.stockAnswer();
        if ("YES".equals(other)) {
            confirm(o);
            return Optional.of(OrderStatus.CONFIRMED);
        }
        return Optional.of(OrderStatus.PENDING);
    }

    private void confirm(Locked o) {
        Instant now = now();
        long version = transition(o, OrderStatus.CONFIRMED, ACTOR, "stock and credit reserved", "confirmed_at = :now", now);
        List<OrderConfirmed.ConfirmedLine> lines = sql.list("""
                select product_id, sku, name, name_ar, quantity, unit_price, line_total from sales_order_line
                where order_id = :id order by line_no""", Params.of("id", o.id()), r -> new OrderConfirmed.ConfirmedLine(
                r.getLong("product_id"), r.getString("sku"), r.getString("name"), r.getString("name_ar"), r.getInt("quantity"),
                r.getBigDecimal("unit_price"), r.getBigDecimal("line_total")));
        outbox.append(OrderEvents.ORDER_CONFIRMED, o.id().toString(), version, ACTOR, new OrderConfirmed(o.id().toString(), o.number(),
                o.clientId(), o.channel(), o.salespersonId(), lines, o.subtotal(), o.discountPercent(), o.discount(), o.total(),
                o.currency(), o.note(), o.placedAt(), now));
    }

    private void reject(Locked o, Rejection rejection) {
        Instant now = now();
        String rejectionJson;
        try {
            rejectionJson = json.writeValueAsString(rejection);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long version = transition(o, OrderStatus.REJECTED, ACTOR, rejection.code() + ": " + rejection.message(),
                "closed_at = :now, rejection = cast(:rejection as jsonb)", now, "rejection", rejectionJson);
        outbox.append(OrderEvents.ORDER_REJECTED, o.id().toString(), version, ACTOR, new OrderRejected(o.id().toString(),
                rejection.code(), now));
    }

    /**
     * Rejects, with reason TIMEOUT, up to {@code limit} orders that have waited longer than the saga
     * timeout, in one transaction; returns how many. Orders locked by another transaction (an answer
     * being applied, another replica's sweep) are skipped and looked at again next time.
     */
    @Transactional
    public int sweep(int limit) {
        Instant before = Instant.now().minus(config.sagaTimeout());
        List<UUID> waiting = sql.list("""
                select id from sales_order where status = 'PENDING' and placed_at < :before order by placed_at limit :limit
                for update skip locked""", Params.of("before", before).and("limit", limit), r -> UUID.fromString(r.getString("id")));
        for (UUID id : waiting) {
            Locked o = lock(id, true).orElseThrow(); // already ours: the lock above holds
            List<String> missing = new ArrayList<>();
            if (o.stockAnswer() == null) {
                missing.add("stock");
            }
            if (o.creditAnswer() == null) {
                missing.add("credit");
            }
            reject(o, new Rejection(Rejection.TIMEOUT, "no answer within " + config.sagaTimeout().toSeconds() + " s from "
                    + String.join(" and ", missing), null, null, missing));
        }
        return waiting.size();
    }

    /** PENDING or CONFIRMED to CANCELLED; anything else is 409. Publishes {@code OrderCancelled}. */
    @Transactional
    public OrderViews.Detail cancel(UUID id, String reason, String actor) {
        Locked o = lock(id, false).orElseThrow(() -> ApiException.notFound("Order", id));
        if (!OrderStatus.CANCELLABLE.contains(o.status())) {
            throw illegal(o, "cancelled", "only PENDING or CONFIRMED orders can be cancelled");
        }
        Instant now = now();
        String why = reason == null || reason.isBlank() ? "cancelled" : reason.strip();
        long version = transition(o, OrderStatus.CANCELLED, actor, why, "closed_at = :now", now);
        outbox.append(OrderEvents.ORDER_CANCELLED, id.toString(), version, actor, new OrderCancelled(id.toString(), why, now));
        return queries.detail(id);
    }

    /**
     * CONFIRMED to DELIVERED; anything else is 409. Records the salesperson's commission rate of
     * now (the commission is computed at that rate) and publishes {@code OrderDelivered}.
     */
    @Transactional
    public OrderViews.Detail deliver(UUID id, String actor) {
        Locked o = lock(id, false).orElseThrow(() -> ApiException.notFound("Order", id));
        if (o.status() != OrderStatus.CONFIRMED) {
            throw illegal(o, "delivered", "only CONFIRMED orders can be delivered");
        }
        Instant now = now();
        BigDecimal rate = o.salespersonId() == null ? null : sql.one("select commission_rate from salesperson_view where id = :id",
                Params.of("id", o.salespersonId()), r -> r.getBigDecimal("commission_rate")).orElse(null);
        long version = transition(o, OrderStatus.DELIVERED, actor, "delivered",
                "delivered_at = :now, closed_at = :now, commission_rate = :rate", now, "rate",
                rate == null ? BigDecimal.ZERO.setScale(2) : rate);
        outbox.append(OrderEvents.ORDER_DELIVERED, id.toString(), version, actor, new OrderDelivered(id.toString(), now));
        return queries.detail(id);
    }

    private static ApiException illegal(Locked o, String verb, String rule) {
        return new ApiException(409, "illegal-transition", "Conflict",
                "order " + o.number() + " is " + o.status() + " and cannot be " + verb + ": " + rule, null);
    }

    /** Moves the locked order on, raises its version, records the transition; returns the new version. */
    private long transition(Locked o, OrderStatus to, String actor, String reason, String set, Instant now, Object... more) {
        Params params = Params.of("id", o.id()).and("to", to).and("now", now).and("version", o.version() + 1);
        for (int i = 0; i < more.length; i += 2) {
            params.and((String) more[i], more[i + 1]);
        }
        sql.update("update sales_order set status = :to, version = :version, updated_at = :now, " + set + " where id = :id", params);
        sql.update("""
                insert into sales_order_transition (order_id, from_status, to_status, actor, reason, at)
                values (:id, :from, :to, :actor, :reason, :now)""",
                Params.of("id", o.id()).and("from", o.status()).and("to", to).and("actor", actor).and("reason", reason).and("now", now));
        return o.version() + 1;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
