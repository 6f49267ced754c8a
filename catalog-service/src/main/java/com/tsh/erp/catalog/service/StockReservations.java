package com.tsh.erp.catalog.service;

import com.tsh.erp.catalog.service.StockLedger.Stock;
import com.tsh.erp.events.catalog.StockChangeReason;
import com.tsh.erp.defaults.Actors;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.catalog.ShortReason;
import com.tsh.erp.events.catalog.StockReservationRejected;
import com.tsh.erp.events.catalog.StockReservationRejected.ShortLine;
import com.tsh.erp.events.catalog.StockReserved;
import com.tsh.erp.events.catalog.StockReserved.ReservedLine;
import com.tsh.erp.events.orders.OrderLine;
import com.tsh.erp.events.orders.OrderPlaced;
import com.tsh.erp.outbox.SagaAnswers;
import com.tsh.erp.outbox.SagaAnswers.Participant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * catalog-service's part of the order saga: reserve all of an order's lines or none, release
 * them when the order is cancelled or rejected, and turn them into a stock decrease when it is
 * delivered. Each runs in the caller's transaction (the consumer's, with the event's id recorded).
 */
@ApplicationScoped
public class StockReservations {

    static final String ACTOR = Actors.system("order-saga");

    @Inject
    StockLedger ledger;
    @Inject
    Sql sql;
    @Inject
    SagaAnswers answers;

    /** What catalog-service decided about an order's stock. */
    public enum Decision { RESERVED, REJECTED }

    /**
     * A line's state in {@code stock_reservation.status}: held, given back, or gone out with the
     * delivery. (Queries keep the literal {@code 'RESERVED'}, which the table's partial index names.)
     */
    enum Status { RESERVED, RELEASED, DELIVERED }

    /** This participant in the saga's memory of answers. */
    static final Participant<Decision> PARTICIPANT = new Participant<>("stock", Decision.class,
            CatalogEvents.STOCK_RESERVED, CatalogEvents.STOCK_RESERVATION_REJECTED);

    /**
     * Reserves every line or none; answers StockReserved or StockReservationRejected, with the
     * order's version as the answer's aggregateVersion. An order answered before (re-sent under a
     * new event id) gets the same answer again and changes nothing. Returns true if reserved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean reserve(OrderPlaced order, long orderVersion) {
        Optional<Decision> before = answers.repeat(PARTICIPANT, order.orderId(), ACTOR);
        if (before.isPresent()) {
            return before.get() == Decision.RESERVED;
        }
        Map<Long, Long> wanted = new TreeMap<>(); // one line a product, ids ascending; summed exactly (int lines can pass int)
        Map<Long, String> skus = new TreeMap<>();
        for (OrderLine line : order.lines()) {
            wanted.merge(line.productId(), (long) line.quantity(), Long::sum);
            skus.putIfAbsent(line.productId(), line.sku());
        }
        Map<Long, Stock> locked = ledger.lock(wanted.keySet());

        List<ShortLine> shortLines = new ArrayList<>();
        for (Map.Entry<Long, Long> w : wanted.entrySet()) {
            Stock p = locked.get(w.getKey());
            long quantity = w.getValue();
            if (p == null) {
                shortLines.add(new ShortLine(w.getKey(), skus.get(w.getKey()), requested(quantity), 0, ShortReason.UNKNOWN_PRODUCT));
            } else if (!p.active()) {
                shortLines.add(new ShortLine(p.productId(), p.sku(), requested(quantity), 0, ShortReason.INACTIVE_PRODUCT));
            } else if (quantity <= 0 || quantity > StockLedger.MAX_STOCK || p.available() < quantity) {
                shortLines.add(new ShortLine(p.productId(), p.sku(), requested(quantity), Math.max(0, p.available()),
                        quantity <= 0 || quantity > StockLedger.MAX_STOCK ? ShortReason.INVALID_QUANTITY : ShortReason.INSUFFICIENT_STOCK));
            }
        }
        if (!shortLines.isEmpty()) {
            answers.answer(PARTICIPANT, order.orderId(), Decision.REJECTED, CatalogEvents.STOCK_RESERVATION_REJECTED,
                    orderVersion, ACTOR, new StockReservationRejected(order.orderId(), shortLines));
            return false;
        }
        List<ReservedLine> reserved = new ArrayList<>();
        for (Map.Entry<Long, Long> w : wanted.entrySet()) {
            int quantity = Math.toIntExact(w.getValue()); // within what is available, so within MAX_STOCK
            ledger.apply(w.getKey(), StockChangeReason.RESERVATION, 0, quantity, order.orderId(), null, null, ACTOR);
            insertReservation(order.orderId(), w.getKey(), quantity);
            reserved.add(new ReservedLine(w.getKey(), locked.get(w.getKey()).sku(), quantity));
        }
        answers.answer(PARTICIPANT, order.orderId(), Decision.RESERVED, CatalogEvents.STOCK_RESERVED, orderVersion,
                ACTOR, new StockReserved(order.orderId(), reserved));
        return true;
    }

    /**
     * A product's total in the order as the event's {@code int} can carry it: a total past the int range
     * (lines of one product that add up beyond what any product can hold, an INVALID_QUANTITY) is
     * reported as the nearest int, never as the figure a wrapped-around sum would give.
     */
    private static int requested(long quantity) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, quantity));
    }

    /** Gives back what the order holds (cancelled or rejected); nothing if it holds nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int release(String orderId) {
        return settle(orderId, Status.RELEASED, StockChangeReason.RELEASE);
    }

    /** The order left the warehouse: its reserved units leave stock on hand. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deliver(String orderId) {
        return settle(orderId, Status.DELIVERED, StockChangeReason.DELIVERY);
    }

    private int settle(String orderId, Status newStatus, StockChangeReason reason) {
        Map<Long, Integer> held = held(orderId);
        if (held.isEmpty()) {
            return 0;
        }
        ledger.lock(held.keySet());
        for (Map.Entry<Long, Integer> h : held.entrySet()) {
            int onHandDelta = reason == StockChangeReason.DELIVERY ? -h.getValue() : 0;
            ledger.apply(h.getKey(), reason, onHandDelta, -h.getValue(), orderId, null, null, ACTOR);
        }
        return sql.update("update stock_reservation set status = :status, updated_at = now() where order_id = :orderId and status = 'RESERVED'",
                Params.of("status", newStatus).and("orderId", orderId));
    }

    /** The order's lines still RESERVED, by product id, locked against a concurrent settle. */
    private Map<Long, Integer> held(String orderId) {
        Map<Long, Integer> out = new TreeMap<>();
        sql.list("""
                        select product_id, quantity from stock_reservation
                        where order_id = :orderId and status = 'RESERVED' order by product_id for update""",
                Params.of("orderId", orderId), r -> Map.entry(r.getLong("product_id"), r.getInt("quantity")))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private void insertReservation(String orderId, long productId, int quantity) {
        sql.update("insert into stock_reservation (order_id, product_id, quantity, status) values (:orderId, :productId, :quantity, :status)",
                Params.of("orderId", orderId).and("productId", productId).and("quantity", quantity).and("status", Status.RESERVED));
    }
}
