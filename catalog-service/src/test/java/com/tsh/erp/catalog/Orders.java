package com.tsh.erp.catalog;

import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.EventType;
import com.tsh.erp.events.orders.OrderCancelled;
import com.tsh.erp.events.orders.OrderDelivered;
import com.tsh.erp.events.orders.OrderEvents;
import com.tsh.erp.events.orders.OrderLine;
import com.tsh.erp.events.orders.OrderPlaced;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Order events as order-service publishes them (the envelope of the golden examples). */
public final class Orders {

    private Orders() {
    }

    /** An order of one unit of each product given, in the order given. */
    public static OrderPlaced placed(long... productIds) {
        List<OrderLine> lines = new ArrayList<>();
        for (long id : productIds) {
            lines.add(new OrderLine(id, "SKU-" + id, 1, new BigDecimal("1000.00")));
        }
        return new OrderPlaced(UUID.randomUUID().toString(), 77, "WHOLESALE", 311L, lines,
                new BigDecimal("1000.00").multiply(BigDecimal.valueOf(lines.size())), "IQD", Instant.now());
    }

    public static <P> String envelope(EventType<P> type, String orderId, long version, P payload) {
        return EventJson.write(new EventEnvelope<>(UUID.randomUUID(), type.name(), type.aggregateType(), orderId, version,
                Instant.now(), "user:311", EventEnvelope.ORIGIN_TSH, null, "test-" + orderId, payload));
    }

    public static String placedEvent(OrderPlaced order) {
        return envelope(OrderEvents.ORDER_PLACED, order.orderId(), 1, order);
    }

    public static String cancelledEvent(String orderId) {
        return envelope(OrderEvents.ORDER_CANCELLED, orderId, 2, new OrderCancelled(orderId, "client cancelled", Instant.now()));
    }

    public static String deliveredEvent(String orderId) {
        return envelope(OrderEvents.ORDER_DELIVERED, orderId, 3, new OrderDelivered(orderId, Instant.now()));
    }
}
