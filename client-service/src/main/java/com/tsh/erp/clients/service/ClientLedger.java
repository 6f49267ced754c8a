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
 *
 * <p>Money's limits: a single amount someone types (a payment, a credit note, an adjustment, a
 * credit limit) has at most 12 digits before the point ({@code @Money}/{@code @SignedMoney},
 * 999,999,999,999.99); a balance, which many entries add up to, stays within
 * &plusmn;{@link #BALANCE_LIMIT} (15 digits), checked here before anything is written: an entry that
 * would take it out is refused with 422 naming {@code amount}. The columns that hold balances, ledger
 * amounts and credit held are {@code numeric(18, 2)} (migration V6), room for the balance range plus
 * the credit held against it, so no sum the ledger or its readers make can overflow.
 */
@ApplicationScoped
public class ClientLedger {

    /**
     * The most a balance may be owed (and, negated, the most a client may have paid in advance):
     * 999,999,999,999,999.99, a thousand of the largest single amount ({@code SignedMoney.LARGEST}).
     * As text for the API document (ClientApi); {@link #BALANCE_LIMIT} is the figure.
     */
    public static final String LARGEST_BALANCE = "999999999999999.99";
    public static final BigDecimal BALANCE_LIMIT = new BigDecimal(LARGEST_BALANCE);
    private static final BigDecimal LOWEST_BALANCE = BALANCE_LIMIT.negate();

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
                        select coalesce(sum(amount), 0)::numeric(18, 2) as held
                        from credit_reservation where client_id = :id and status = 'RESERVED'""", id,
                        r -> r.getBigDecimal("held")).orElseThrow()))
                .orElse(null);
    }

    /**
     * Records one entry on a client locked in this transaction; amount &gt; 0 raises what the client owes.
     *
     * @return the balance after it
     * @throws ApiException 409 when the reference was used before for this client and kind; 422 naming
     *                      {@code amount} when the balance would leave &plusmn;{@link #BALANCE_LIMIT}
     *                      (nothing is written)
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
        // the range is checked by the update itself (the row is locked, so this is the balance the entry
        // lands on): a balance that would leave it matches no row, and nothing is written
        Balance after = sql.one("""
                        update client set balance = balance + :amount, balance_version = balance_version + 1, updated_at = now()
                        where id = :id and balance + :amount between :lowest and :highest
                        returning balance, balance_version""",
                Params.of("amount", amount).and("id", clientId).and("lowest", LOWEST_BALANCE).and("highest", BALANCE_LIMIT),
                r -> new Balance(r.getBigDecimal("balance"), r.getLong("balance_version")))
                .orElseThrow(() -> outOfRange(clientId, amount));
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

    /** Why the guarded update matched no row: the balance it would make (or a client gone, which the lock rules out). */
    private RuntimeException outOfRange(long clientId, BigDecimal amount) {
        BigDecimal balance = sql.one("select balance from client where id = :id", Params.of("id", clientId), r -> r.getBigDecimal("balance"))
                .orElseThrow(() -> new IllegalStateException("client " + clientId + " vanished"));
        BigDecimal wouldBe = balance.add(amount);
        return ApiException.unprocessable("amount", "the balance would " + (amount.signum() < 0 ? "fall" : "rise") + " from "
                + balance.toPlainString() + " to " + wouldBe.toPlainString() + ", outside the range a balance may take ("
                + LOWEST_BALANCE.toPlainString() + " to " + BALANCE_LIMIT.toPlainString() + "); nothing was recorded");
    }

    private static ApiException duplicate(String reference, Long entryId) {
        return new ApiException(409, "duplicate-reference", "Conflict", "reference " + reference
                + " was already recorded for this client" + (entryId == null ? "" : " (ledger entry " + entryId + ")"),
                List.of(new Problem.FieldError("reference", "already used for this client")));
    }
}
