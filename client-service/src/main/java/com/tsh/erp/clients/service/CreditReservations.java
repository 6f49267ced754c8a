package com.tsh.erp.clients.service;

import com.tsh.erp.clients.service.ClientLedger.Figures;
import com.tsh.erp.clients.service.ClientLedger.Kind;
import com.tsh.erp.defaults.Actors;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.events.clients.CreditRejected;
import com.tsh.erp.events.clients.CreditReserved;
import com.tsh.erp.events.orders.OrderPlaced;
import com.tsh.erp.outbox.SagaAnswers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * client-service's part of the order saga. A wholesale order holds its total against the credit
 * limit (balance + credit held for open orders + this order must not exceed it), checked under the
 * client's row lock so concurrent orders cannot pass it together. A retail order needs no credit
 * and is answered at once. Cancel or reject releases; delivery turns the hold into a ledger debit.
 */
@ApplicationScoped
public class CreditReservations {

    static final String ACTOR = Actors.system("order-saga");

    @Inject
    ClientLedger ledger;
    @Inject
    SagaAnswers answers;
    @Inject
    DataSource dataSource;

    /** The participant's name in the saga's memory of answers. */
    static final String PARTICIPANT = "credit";

    /** What client-service decided about an order's credit. */
    public enum Decision { RESERVED, REJECTED, NOT_NEEDED }

    /**
     * Decides an order's credit once and answers CreditReserved or CreditRejected, with the order's
     * version as the answer's aggregateVersion. An order answered before (re-sent under a new event
     * id) gets the same answer again and holds nothing more. Returns true when the order may go ahead.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean reserve(OrderPlaced order, long orderVersion) {
        Optional<String> before = answers.repeat(PARTICIPANT, order.orderId(), ACTOR,
                ClientEvents.CREDIT_RESERVED, ClientEvents.CREDIT_REJECTED);
        if (before.isPresent()) {
            return !Decision.REJECTED.name().equals(before.get());
        }
        Figures f = ledger.lock(order.clientId());
        BigDecimal total = order.total();
        if (f == null || !f.active()) {
            answers.answer(PARTICIPANT, order.orderId(), Decision.REJECTED.name(), ClientEvents.CREDIT_REJECTED, orderVersion,
                    ACTOR, new CreditRejected(order.orderId(), order.clientId(), f == null ? "UNKNOWN_CLIENT" : "INACTIVE_CLIENT",
                            f == null ? null : f.creditLimit(), f == null ? null : f.balance(),
                            f == null ? null : f.reservedCredit(), total, f == null ? null : f.availableCredit()));
            return false;
        }
        boolean wholesale = "WHOLESALE".equals(f.clientType());
        if (wholesale && f.balance().add(f.reservedCredit()).add(total).compareTo(f.creditLimit()) > 0) {
            answers.answer(PARTICIPANT, order.orderId(), Decision.REJECTED.name(), ClientEvents.CREDIT_REJECTED, orderVersion,
                    ACTOR, new CreditRejected(order.orderId(), order.clientId(), "CREDIT_LIMIT_EXCEEDED", f.creditLimit(),
                            f.balance(), f.reservedCredit(), total, f.availableCredit()));
            return false;
        }
        BigDecimal held = wholesale ? total : BigDecimal.ZERO.setScale(2);
        if (wholesale) {
            insert(order.orderId(), order.clientId(), held);
        }
        answers.answer(PARTICIPANT, order.orderId(), (wholesale ? Decision.RESERVED : Decision.NOT_NEEDED).name(),
                ClientEvents.CREDIT_RESERVED, orderVersion, ACTOR, new CreditReserved(order.orderId(), order.clientId(), held));
        return true;
    }

    /** The order was cancelled or rejected: its hold is released (nothing if it holds nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean release(String orderId) {
        return settle(orderId, "RELEASED") != null;
    }

    /** The order was delivered: its total becomes a debit on the client's ledger, once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean deliver(String orderId) {
        Held h = settle(orderId, "CONVERTED");
        if (h == null) {
            return false;
        }
        if (h.amount().signum() > 0) {
            ledger.record(h.clientId(), Kind.ORDER_DELIVERED, h.amount(), orderId, null, null, "order delivered", ACTOR);
        }
        return true;
    }

    private record Held(long clientId, BigDecimal amount) {
    }

    private Held settle(String orderId, String newStatus) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select client_id from credit_reservation where order_id = ?")) {
            ps.setString(1, orderId);
            Long clientId;
            try (ResultSet rs = ps.executeQuery()) {
                clientId = rs.next() ? rs.getLong(1) : null;
            }
            if (clientId == null) {
                return null;
            }
            ledger.lock(clientId); // the same lock order as reserve: client row first
            try (PreparedStatement upd = c.prepareStatement("""
                    update credit_reservation set status = ?, updated_at = now()
                    where order_id = ? and status = 'RESERVED' returning client_id, amount""")) {
                upd.setString(1, newStatus);
                upd.setString(2, orderId);
                try (ResultSet rs = upd.executeQuery()) {
                    return rs.next() ? new Held(rs.getLong(1), rs.getBigDecimal(2)) : null;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void insert(String orderId, long clientId, BigDecimal amount) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into credit_reservation (order_id, client_id, amount, status) values (?, ?, ?, 'RESERVED')")) {
            ps.setString(1, orderId);
            ps.setLong(2, clientId);
            ps.setBigDecimal(3, amount);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
