package com.tsh.erp.clients.service;

import com.tsh.erp.clients.service.ClientLedger.Figures;
import com.tsh.erp.defaults.Actors;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.events.InvalidEventException;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.events.clients.CreditRejection;
import com.tsh.erp.events.clients.LedgerEntryKind;
import com.tsh.erp.events.clients.CreditRejected;
import com.tsh.erp.events.clients.CreditReserved;
import com.tsh.erp.events.orders.OrderPlaced;
import com.tsh.erp.outbox.SagaAnswers;
import com.tsh.erp.outbox.SagaAnswers.Participant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * client-service's part of the order saga. A wholesale order holds its total against the credit
 * limit (balance + credit held for open orders + this order must not exceed it), checked under the
 * client's row lock so concurrent orders cannot pass it together. A retail order needs no credit
 * and is answered at once. Cancel or reject releases; delivery turns the hold into a ledger debit.
 * The check adds exact decimals (no overflow), and what it lets through fits the columns: a hold is
 * at most the credit limit less the balance, both within their ranges (see {@link ClientLedger}).
 */
@ApplicationScoped
public class CreditReservations {

    static final String ACTOR = Actors.system("order-saga");

    @Inject
    ClientLedger ledger;
    @Inject
    SagaAnswers answers;
    @Inject
    Sql sql;

    /** What client-service decided about an order's credit. */
    public enum Decision { RESERVED, REJECTED, NOT_NEEDED }

    /**
     * A hold's state in {@code credit_reservation.status}: held, given back, or turned into a ledger
     * debit. (Queries keep the literal {@code 'RESERVED'}, as catalog-service's do.)
     */
    enum Status { RESERVED, RELEASED, CONVERTED }

    /** This participant in the saga's memory of answers. */
    static final Participant<Decision> PARTICIPANT = new Participant<>("credit", Decision.class,
            ClientEvents.CREDIT_RESERVED, ClientEvents.CREDIT_REJECTED);

    /**
     * Decides an order's credit once and answers CreditReserved or CreditRejected, with the order's
     * version as the answer's aggregateVersion. An order answered before (re-sent under a new event
     * id) gets the same answer again and holds nothing more. Returns true when the order may go ahead.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean reserve(OrderPlaced order, long orderVersion) {
        Optional<Decision> before = answers.repeat(PARTICIPANT, order.orderId(), ACTOR);
        if (before.isPresent()) {
            return before.get() != Decision.REJECTED;
        }
        Figures f = ledger.lock(order.clientId());
        BigDecimal total = order.total();
        if (f == null || !f.active()) {
            answers.answer(PARTICIPANT, order.orderId(), Decision.REJECTED, ClientEvents.CREDIT_REJECTED, orderVersion,
                    ACTOR, new CreditRejected(order.orderId(), order.clientId(), f == null ? CreditRejection.UNKNOWN_CLIENT : CreditRejection.INACTIVE_CLIENT,
                            f == null ? null : f.creditLimit(), f == null ? null : f.balance(),
                            f == null ? null : f.reservedCredit(), total, f == null ? null : f.availableCredit()));
            return false;
        }
        boolean wholesale = f.clientType() == ClientType.WHOLESALE;
        if (wholesale && f.balance().add(f.reservedCredit()).add(total).compareTo(f.creditLimit()) > 0) {
            answers.answer(PARTICIPANT, order.orderId(), Decision.REJECTED, ClientEvents.CREDIT_REJECTED, orderVersion,
                    ACTOR, new CreditRejected(order.orderId(), order.clientId(), CreditRejection.CREDIT_LIMIT_EXCEEDED, f.creditLimit(),
                            f.balance(), f.reservedCredit(), total, f.availableCredit()));
            return false;
        }
        BigDecimal held = wholesale ? total : BigDecimal.ZERO.setScale(2);
        if (wholesale) {
            insert(order.orderId(), order.clientId(), held);
        }
        answers.answer(PARTICIPANT, order.orderId(), wholesale ? Decision.RESERVED : Decision.NOT_NEEDED,
                ClientEvents.CREDIT_RESERVED, orderVersion, ACTOR, new CreditReserved(order.orderId(), order.clientId(), held));
        return true;
    }

    /** The order was cancelled or rejected: its hold is released (nothing if it holds nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean release(String orderId) {
        return settle(orderId, Status.RELEASED) != null;
    }

    /** The order was delivered: its total becomes a debit on the client's ledger, once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean deliver(String orderId) {
        Held h = settle(orderId, Status.CONVERTED);
        if (h == null) {
            return false;
        }
        if (h.amount().signum() > 0) {
            try {
                ledger.record(h.clientId(), LedgerEntryKind.ORDER_DELIVERED, h.amount(), orderId, null, null, "order delivered", ACTOR);
            } catch (ApiException e) {
                // the debit would take the balance out of its range (only after manual adjustments raised it
                // far past the credit limit): retrying cannot help, so the event goes to the dead-letter
                // topic at once with the reason, for someone to settle by hand
                throw new InvalidEventException("order " + orderId + " cannot be debited: " + e.getMessage());
            }
        }
        return true;
    }

    private record Held(long clientId, BigDecimal amount) {
    }

    private Held settle(String orderId, Status newStatus) {
        Params order = Params.of("orderId", orderId);
        Optional<Long> clientId = sql.one("select client_id from credit_reservation where order_id = :orderId", order,
                r -> r.getLong("client_id"));
        if (clientId.isEmpty()) {
            return null;
        }
        ledger.lock(clientId.get()); // the same lock order as reserve: client row first
        return sql.one("""
                        update credit_reservation set status = :status, updated_at = now()
                        where order_id = :orderId and status = 'RESERVED' returning client_id, amount""",
                order.and("status", newStatus), r -> new Held(r.getLong("client_id"), r.getBigDecimal("amount"))).orElse(null);
    }

    private void insert(String orderId, long clientId, BigDecimal amount) {
        sql.update("insert into credit_reservation (order_id, client_id, amount, status) values (:orderId, :clientId, :amount, :status)",
                Params.of("orderId", orderId).and("clientId", clientId).and("amount", amount).and("status", Status.RESERVED));
    }
}
