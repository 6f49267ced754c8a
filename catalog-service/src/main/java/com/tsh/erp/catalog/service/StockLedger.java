package com.tsh.erp.catalog.service;

import com.tsh.erp.defaults.Page;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.defaults.Sql.Row;
import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.catalog.StockChangeReason;
import com.tsh.erp.events.catalog.StockChanged;
import com.tsh.erp.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The only code that reads or changes stock figures (the product entity does not map them). Each
 * change locks the product row, updates on hand and reserved, writes a ledger row with the figures
 * after it, and puts a StockChanged event in the outbox, all in the caller's transaction; so the
 * ledger always sums to the figures. The table's check constraints (reserved within stock, nothing
 * negative) back this up.
 *
 * <p>Stock's range is the columns' ({@code integer}): a product holds at most {@link #MAX_STOCK}
 * units on hand, and so reserved. The callers check a change against it before they apply it, adding
 * in {@code long} (an {@code int} sum would wrap around to a negative figure): a stock adjustment that
 * would pass it is 422 naming {@code quantity_delta}; an order asking more of a product than any
 * product can hold is rejected as {@code INVALID_QUANTITY}; Zoho's figure is an {@code int} already.
 */
@ApplicationScoped
public class StockLedger {

    /** The most units a product can hold on hand (and so reserved): 2,147,483,647, the columns' range. */
    public static final int MAX_STOCK = Integer.MAX_VALUE;

    /** A product's stock figures (with its SKU and whether it is active), at {@code stockVersion}. */
    public record Stock(long productId, String sku, int stockOnHand, int reserved, boolean active, long stockVersion) {
        public int available() {
            return stockOnHand - reserved;
        }

        static Stock of(Row r) throws SQLException {
            return new Stock(r.getLong("id"), r.getString("sku"), r.getInt("stock_on_hand"), r.getInt("reserved"),
                    r.getBoolean("active"), r.getLong("stock_version"));
        }
    }

    /** One row of a product's stock history. */
    public record Entry(long id, StockChangeReason reason, int onHandDelta, int reservedDelta, int onHandAfter, int reservedAfter,
                        String orderId, String note, String actor, Instant createdAt) {
    }

    private static final String STOCK = "select id, sku, stock_on_hand, reserved, active, stock_version from product";

    @Inject
    Sql sql;
    @Inject
    OutboxWriter outbox;

    /** Locks the products' rows in ascending id order (one fixed order: no deadlocks between concurrent orders). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, Stock> lock(Collection<Long> productIds) {
        Map<Long, Stock> out = new LinkedHashMap<>();
        if (!productIds.isEmpty()) {
            sql.list(STOCK + " where id = any(:ids) order by id for no key update", Params.of("ids", productIds), Stock::of)
                    .forEach(s -> out.put(s.productId(), s));
        }
        return out;
    }

    /** The product's figures as committed (no lock; for the detail view); empty if there is no such product. */
    public Optional<Stock> figures(long productId) {
        return sql.one(STOCK + " where id = :id", Params.of("id", productId), Stock::of);
    }

    /** Each product's available stock now, by id (for list pages served from a cache); unknown ids are left out. */
    public Map<Long, Integer> available(Collection<Long> productIds) {
        Map<Long, Integer> out = new HashMap<>();
        if (!productIds.isEmpty()) {
            sql.list("select id, available from product where id = any(:ids)", Params.of("ids", productIds),
                    r -> Map.entry(r.getLong("id"), r.getInt("available"))).forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    /**
     * Applies one change to a product locked in this transaction and records it.
     *
     * @return the figures after the change
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stock apply(long productId, StockChangeReason reason, int onHandDelta, int reservedDelta, String orderId,
                       String note, String idempotencyKey, String actor) {
        Stock after = sql.one("""
                        update product set stock_on_hand = stock_on_hand + :onHandDelta, reserved = reserved + :reservedDelta,
                               stock_version = stock_version + 1, updated_at = now()
                        where id = :id returning id, sku, stock_on_hand, reserved, active, stock_version""",
                Params.of("onHandDelta", onHandDelta).and("reservedDelta", reservedDelta).and("id", productId), Stock::of)
                .orElseThrow(() -> new IllegalStateException("product " + productId + " vanished"));
        sql.update("""
                insert into stock_ledger (product_id, reason, on_hand_delta, reserved_delta, on_hand_after,
                                          reserved_after, order_id, note, idempotency_key, actor)
                values (:productId, :reason, :onHandDelta, :reservedDelta, :onHandAfter, :reservedAfter, :orderId, :note,
                        :idempotencyKey, :actor)""",
                Params.of("productId", productId).and("reason", reason).and("onHandDelta", onHandDelta)
                        .and("reservedDelta", reservedDelta).and("onHandAfter", after.stockOnHand())
                        .and("reservedAfter", after.reserved()).and("orderId", orderId).and("note", note)
                        .and("idempotencyKey", idempotencyKey).and("actor", actor));
        outbox.append(CatalogEvents.STOCK_CHANGED, String.valueOf(productId), after.stockVersion(), actor,
                new StockChanged(productId, after.sku(), reason, onHandDelta, reservedDelta, after.stockOnHand(),
                        after.reserved(), after.available(), orderId));
        return after;
    }

    /** The product's ledger, newest first. */
    public Page<Entry> entries(long productId, int page, int perPage) {
        return Page.of(sql.list("""
                        select id, reason, on_hand_delta, reserved_delta, on_hand_after, reserved_after, order_id, note,
                               actor, created_at
                        from stock_ledger where product_id = :productId order by id desc limit :limit offset :offset""",
                Params.of("productId", productId).and("limit", perPage + 1).and("offset", (long) (page - 1) * perPage),
                r -> new Entry(r.getLong("id"), StockChangeReason.valueOf(r.getString("reason")), r.getInt("on_hand_delta"),
                        r.getInt("reserved_delta"), r.getInt("on_hand_after"), r.getInt("reserved_after"),
                        r.getString("order_id"), r.getString("note"), r.getString("actor"), r.getInstant("created_at"))),
                page, perPage);
    }
}
