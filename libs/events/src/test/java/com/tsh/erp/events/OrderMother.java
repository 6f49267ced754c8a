package com.tsh.erp.events;

import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.events.orders.OrderCancelled;
import com.tsh.erp.events.orders.OrderDelivered;
import com.tsh.erp.events.orders.OrderEvents;
import com.tsh.erp.events.orders.OrderLine;
import com.tsh.erp.events.orders.OrderPlaced;
import com.tsh.erp.events.orders.OrderRejected;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Orders and their events as order-service publishes them, for the tests of every service that
 * consumes them (and for order-service's own). Each starts from the golden example
 * ({@code golden/orders.orders/*.json}) and changes only what the test names, so the tests send
 * what the contract says, never a hand-made shape.
 */
public final class OrderMother {

    private OrderMother() {
    }

    private static OrderPlaced golden() {
        return GoldenEvents.envelope(OrderEvents.ORDER_PLACED).payload();
    }

    /** A new order (its own id, placed now) of the golden one's client, with these lines. */
    public static OrderPlaced placed(long clientId, ClientType clientType, List<OrderLine> lines) {
        OrderPlaced g = golden();
        BigDecimal total = lines.stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        return new OrderPlaced(UUID.randomUUID().toString(), clientId, clientType, g.salespersonId(), List.copyOf(lines),
                total, g.currency(), Instant.now());
    }

    /** One unit of each product, at 1,000.00 each, for the golden client (the stock side of the saga). */
    public static OrderPlaced ofProducts(long... productIds) {
        OrderPlaced g = golden();
        List<OrderLine> lines = new ArrayList<>();
        for (long id : productIds) {
            lines.add(new OrderLine(id, "SKU-" + id, 1, new BigDecimal("1000.00")));
        }
        return placed(g.clientId(), g.clientType(), lines);
    }

    /** One line of the golden order's first product for this total (the credit side of the saga). */
    public static OrderPlaced forClient(long clientId, ClientType clientType, double total) {
        OrderLine first = golden().lines().get(0);
        BigDecimal amount = BigDecimal.valueOf(total).setScale(2, RoundingMode.HALF_UP);
        return placed(clientId, clientType, List.of(new OrderLine(first.productId(), first.sku(), 1, amount)));
    }

    /** An event of the order as the golden envelope carries it (actor, origin), with a new event id. */
    public static <P> String event(EventType<P> type, String orderId, long version, P payload) {
        EventEnvelope<OrderPlaced> g = GoldenEvents.envelope(OrderEvents.ORDER_PLACED);
        return EventJson.write(new EventEnvelope<>(UUID.randomUUID(), type.name(), type.aggregateType(), orderId, version,
                Instant.now(), g.actor(), g.origin(), null, "test-" + orderId, payload));
    }

    public static String placedEvent(OrderPlaced order) {
        return event(OrderEvents.ORDER_PLACED, order.orderId(), 1, order);
    }

    public static String cancelledEvent(String orderId) {
        return event(OrderEvents.ORDER_CANCELLED, orderId, 2, new OrderCancelled(orderId, "client cancelled", Instant.now()));
    }

    public static String rejectedEvent(String orderId, String reason) {
        return event(OrderEvents.ORDER_REJECTED, orderId, 2, new OrderRejected(orderId, reason, Instant.now()));
    }

    public static String deliveredEvent(String orderId) {
        return event(OrderEvents.ORDER_DELIVERED, orderId, 3, new OrderDelivered(orderId, Instant.now()));
    }
}
