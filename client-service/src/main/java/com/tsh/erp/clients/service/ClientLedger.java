package com.tsh.erp.clients.service;

import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Problem;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.events.clients.BalanceChanged;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.events.clients.LedgerEntryKind;
import com.tsh.erp.outbox.OutboxWriter;
import com.tsh.erp.text.Identifiers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;

/**
 * The only code that reads or changes a balance (the client entity does not map it): it locks the
 * client row, writes the ledger entry with the balance after it, updates the balance and puts a
 * BalanceChanged event in the outbox, all in the caller's transaction. So the balance is always
 * the ledger's sum.
 */
@ApplicationScoped
public class ClientLedger {

    /** A client's money figures. */
    public record Figures(long clientId, ClientType clientType, boolean active, BigDecimal creditLimit, BigDecimal balance,
                          BigDecimal reservedCredit) {
        public BigDecimal availableCredit() {
            return creditLimit.subtract(balance).subtract(reservedCredit);
        }
    }

    @Inject
    Sql sql;
    @Inject
    OutboxWriter outbox;

    /** Locks the client row (against concurrent credit checks and payments) and reads its figures; null if unknown. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Figures lock(long clientId) {
        return read(clientId, true);
    }

    /** The figures without locking (for the detail view); null if unknown. */
    public Figures figures(long clientId) {
        return read(clientId, false);
    }

    /**
     * The client row (locked first, if asked), then what its open orders hold: a statement of its
     * own, so that after waiting for the lock it sees what the transaction it waited for committed.
     */
    private Figures read(long clientId, boolean lock) {
        record Client(ClientType clientType, boolean active, BigDecimal creditLimit, BigDecimal balance) {
        }
        Params id = Params.of("id", clientId);
        return sql.one("select client_type, active, credit_limit, balance from client where id = :id"
                        + (lock ? " for no key update" : ""), id,
                        r -> new Client(ClientType.valueOf(r.getString("client_type")), r.getBoolean("active"), r.getBigDecimal("credit_limit"),
                                r.getBigDecimal("balance")))
                .map(c -> new Figures(clientId, c.clientType(), c.active(), c.creditLimit(), c.balance(), sql.one("""
                        select coalesce(sum(amount), 0)::numeric(14, 2) as held
                        from credit_reservation where client_id = :id and status = 'RESERVED'""", id,
                        r -> r.getBigDecimal("held")).orElseThrow()))
                .orElse(null);
    }

    /**
     * Records one entry on a client locked in this transaction; amount &gt; 0 raises what the client owes.
     *
     * @return the balance after it
     * @throws ApiException 409 when the reference was used before for this client and kind
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BigDecimal record(long clientId, LedgerEntryKind kind, BigDecimal amount, String orderId, PaymentMethod paymentMethod,
                             String reference, String note, String actor) {
        String referenceKey = Identifiers.key(reference); // one reference however it is cased, widened or padded
        if (reference != null) {
            sql.one("select id from client_ledger where client_id = :clientId and kind = :kind and reference_key = :referenceKey",
                    Params.of("clientId", clientId).and("kind", kind).and("referenceKey", referenceKey), r -> r.getLong("id"))
                    .ifPresent(entry -> {
                        throw duplicate(reference, entry);
                    });
        }
        record Balance(BigDecimal balance, long version) {
        }
        Balance after = sql.one("""
                        update client set balance = balance + :amount, balance_version = balance_version + 1, updated_at = now()
                        where id = :id returning balance, balance_version""",
                Params.of("amount", amount).and("id", clientId),
                r -> new Balance(r.getBigDecimal("balance"), r.getLong("balance_version")))
                .orElseThrow(() -> new IllegalStateException("client " + clientId + " vanished"));
        long entryId;
        try {
            entryId = sql.one("""
                            insert into client_ledger (client_id, kind, amount, balance_after, order_id, payment_method, reference,
                                                       reference_key, note, actor)
                            values (:clientId, :kind, :amount, :balanceAfter, :orderId, :paymentMethod, :reference, :referenceKey,
                                    :note, :actor)
                            returning id""",
                    Params.of("clientId", clientId).and("kind", kind).and("amount", amount).and("balanceAfter", after.balance())
                            .and("orderId", orderId).and("paymentMethod", paymentMethod).and("reference", reference)
                            .and("referenceKey", referenceKey)
                            .and("note", note).and("actor", actor), r -> r.getLong("id")).orElseThrow();
        } catch (Sql.SqlException e) {
            if ("23505".equals(e.sqlState())) { // a concurrent request with the same reference won
                throw duplicate(reference, null);
            }
            throw e;
        }
        outbox.append(ClientEvents.BALANCE_CHANGED, String.valueOf(clientId), after.version(), actor,
                new BalanceChanged(clientId, kind, amount, after.balance(), orderId, reference, entryId));
        return after.balance();
    }

    private static ApiException duplicate(String reference, Long entryId) {
        return new ApiException(409, "duplicate-reference", "Conflict", "reference " + reference
                + " was already recorded for this client" + (entryId == null ? "" : " (ledger entry " + entryId + ")"),
                List.of(new Problem.FieldError("reference", "already used for this client")));
    }
}
