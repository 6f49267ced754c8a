package com.tsh.erp.clients.service;

import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.events.clients.BalanceChanged;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The only code that changes a balance: it locks the client row, writes the ledger entry with the
 * balance after it, updates the balance and puts a BalanceChanged event in the outbox, all in the
 * caller's transaction. So the balance is always the ledger's sum.
 */
@ApplicationScoped
public class ClientLedger {

    public enum Kind { ORDER_DELIVERED, PAYMENT, CREDIT_NOTE, ADJUSTMENT }

    /** A client's money figures, read under its row lock. */
    public record Figures(long clientId, String clientType, boolean active, BigDecimal creditLimit, BigDecimal balance,
                          BigDecimal reservedCredit) {
        public BigDecimal availableCredit() {
            return creditLimit.subtract(balance).subtract(reservedCredit);
        }
    }

    @Inject
    DataSource dataSource;
    @Inject
    OutboxWriter outbox;

    /** Locks the client row (against concurrent credit checks and payments) and reads its figures; null if unknown. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Figures lock(long clientId) {
        return read(clientId, true);
    }

    /** The figures without locking (for the detail view). */
    public Figures figures(long clientId) {
        return read(clientId, false);
    }

    private Figures read(long clientId, boolean lock) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select client_type, active, credit_limit, balance from client where id = ?"
                     + (lock ? " for no key update" : ""));
             PreparedStatement held = c.prepareStatement(
                     "select coalesce(sum(amount), 0)::numeric(14, 2) from credit_reservation where client_id = ? and status = 'RESERVED'")) {
            ps.setLong(1, clientId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                held.setLong(1, clientId);
                try (ResultSet h = held.executeQuery()) {
                    h.next();
                    return new Figures(clientId, rs.getString(1), rs.getBoolean(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                            h.getBigDecimal(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read client " + clientId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records one entry on a client locked in this transaction; amount &gt; 0 raises what the client owes.
     *
     * @return the balance after it
     * @throws ApiException 409 when the reference was used before for this client and kind
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BigDecimal record(long clientId, Kind kind, BigDecimal amount, String orderId, String paymentMethod,
                             String reference, String note, String actor) {
        try (Connection c = dataSource.getConnection()) {
            if (reference != null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "select id from client_ledger where client_id = ? and kind = ? and reference = ?")) {
                    ps.setLong(1, clientId);
                    ps.setString(2, kind.name());
                    ps.setString(3, reference);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            throw duplicate(reference, rs.getLong(1));
                        }
                    }
                }
            }
            BigDecimal balance;
            long balanceVersion;
            try (PreparedStatement ps = c.prepareStatement("""
                    update client set balance = balance + ?, balance_version = balance_version + 1, updated_at = now()
                    where id = ? returning balance, balance_version""")) {
                ps.setBigDecimal(1, amount);
                ps.setLong(2, clientId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    balance = rs.getBigDecimal(1);
                    balanceVersion = rs.getLong(2);
                }
            }
            long entryId;
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into client_ledger (client_id, kind, amount, balance_after, order_id, payment_method, reference, note, actor)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
                ps.setLong(1, clientId);
                ps.setString(2, kind.name());
                ps.setBigDecimal(3, amount);
                ps.setBigDecimal(4, balance);
                ps.setString(5, orderId);
                ps.setString(6, paymentMethod);
                ps.setString(7, reference);
                ps.setString(8, note);
                ps.setString(9, actor);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    entryId = rs.getLong(1);
                }
            }
            outbox.append(ClientEvents.BALANCE_CHANGED, String.valueOf(clientId), balanceVersion, actor,
                    new BalanceChanged(clientId, kind.name(), amount, balance, orderId, reference, entryId));
            return balance;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) { // a concurrent request with the same reference won
                throw duplicate(reference, null);
            }
            throw new IllegalStateException("Could not record on the ledger of client " + clientId + ": " + e.getMessage(), e);
        }
    }

    private static ApiException duplicate(String reference, Long entryId) {
        return new ApiException(409, "duplicate-reference", "Conflict", "reference " + reference
                + " was already recorded for this client" + (entryId == null ? "" : " (ledger entry " + entryId + ")"),
                java.util.List.of(new com.tsh.erp.defaults.Problem.FieldError("reference", "already used for this client")));
    }
}
