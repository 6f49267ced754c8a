package com.tsh.erp.catalog.service;

import com.tsh.erp.defaults.Page;
import com.tsh.erp.catalog.api.ProductViews.LedgerEntry;
import com.tsh.erp.catalog.api.ProductViews.StockFigures;
import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.catalog.StockChanged;
import com.tsh.erp.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The only code that changes stock figures. Each change locks the product row, updates on hand
 * and reserved, writes a ledger row with the figures after it, and puts a StockChanged event in
 * the outbox, all in the caller's transaction; so the ledger always sums to the figures. The
 * table's check constraints (reserved within stock, nothing negative) back this up.
 */
@ApplicationScoped
public class StockLedger {

    public enum Reason { ADJUSTMENT, RESERVATION, RELEASE, DELIVERY, IMPORT }

    /** A product's stock row as locked for a change. */
    public record Locked(long productId, String sku, int stockOnHand, int reserved, boolean active, long stockVersion) {
        public int available() {
            return stockOnHand - reserved;
        }
    }

    @Inject
    DataSource dataSource;
    @Inject
    OutboxWriter outbox;

    /** Locks the products' rows in ascending id order (one fixed order: no deadlocks between concurrent orders). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Long, Locked> lock(Collection<Long> productIds) {
        Map<Long, Locked> out = new LinkedHashMap<>();
        if (productIds.isEmpty()) {
            return out;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select id, sku, stock_on_hand, reserved, active, stock_version from product where id = any(?) order by id for no key update")) {
            ps.setArray(1, c.createArrayOf("bigint", productIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new Locked(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getBoolean(5),
                            rs.getLong(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lock products: " + e.getMessage(), e);
        }
    }

    /**
     * Applies one change to a product locked in this transaction and records it.
     *
     * @return the figures after the change
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public StockFigures apply(long productId, Reason reason, int onHandDelta, int reservedDelta, String orderId,
                              String note, String idempotencyKey, String actor) {
        try (Connection c = dataSource.getConnection()) {
            int onHand;
            int reserved;
            long stockVersion;
            String sku;
            try (PreparedStatement ps = c.prepareStatement("""
                    update product set stock_on_hand = stock_on_hand + ?, reserved = reserved + ?,
                           stock_version = stock_version + 1, updated_at = now()
                    where id = ? returning sku, stock_on_hand, reserved, stock_version""")) {
                ps.setInt(1, onHandDelta);
                ps.setInt(2, reservedDelta);
                ps.setLong(3, productId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("product " + productId + " vanished");
                    }
                    sku = rs.getString(1);
                    onHand = rs.getInt(2);
                    reserved = rs.getInt(3);
                    stockVersion = rs.getLong(4);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into stock_ledger (product_id, reason, on_hand_delta, reserved_delta, on_hand_after,
                                              reserved_after, order_id, note, idempotency_key, actor)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setLong(1, productId);
                ps.setString(2, reason.name());
                ps.setInt(3, onHandDelta);
                ps.setInt(4, reservedDelta);
                ps.setInt(5, onHand);
                ps.setInt(6, reserved);
                ps.setString(7, orderId);
                ps.setString(8, note);
                ps.setString(9, idempotencyKey);
                ps.setString(10, actor);
                ps.executeUpdate();
            }
            outbox.append(CatalogEvents.STOCK_CHANGED, String.valueOf(productId), stockVersion, actor,
                    new StockChanged(productId, sku, reason.name(), onHandDelta, reservedDelta, onHand, reserved,
                            onHand - reserved, orderId));
            return new StockFigures(productId, sku, onHand, reserved, onHand - reserved);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change the stock of product " + productId + ": " + e.getMessage(), e);
        }
    }

    /** The product's ledger, newest first. */
    public Page<LedgerEntry> entries(long productId, int page, int perPage) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select id, reason, on_hand_delta, reserved_delta, on_hand_after, reserved_after, order_id, note,
                            actor, created_at
                     from stock_ledger where product_id = ? order by id desc limit ? offset ?""")) {
            ps.setLong(1, productId);
            ps.setInt(2, perPage + 1);
            ps.setLong(3, (long) (page - 1) * perPage);
            List<LedgerEntry> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new LedgerEntry(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getTimestamp(10).toInstant()));
                }
            }
            return Page.of(rows, page, perPage);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
