package com.tsh.erp.clients;

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
import java.util.List;
import java.util.UUID;

/** Order events as order-service publishes them. */
public final class Orders {

    private Orders() {
    }

    public static OrderPlaced placed(long clientId, String clientType, double total) {
        BigDecimal amount = BigDecimal.valueOf(total).setScale(2);
        return new OrderPlaced(UUID.randomUUID().toString(), clientId, clientType, null,
                List.of(new OrderLine(1042, "TSH-CBL-0042", 1, amount)), amount, "IQD", Instant.now());
    }

    public static <P> String envelope(EventType<P> type, String orderId, long version, P payload) {
        return EventJson.write(new EventEnvelope<>(UUID.randomUUID(), type.name(), type.aggregateType(), orderId, version,
                Instant.now(), "user:311", EventEnvelope.ORIGIN_TSH, null, null, payload));
    }

    public static String placedEvent(OrderPlaced o) {
        return envelope(OrderEvents.ORDER_PLACED, o.orderId(), 1, o);
    }

    public static String cancelledEvent(String orderId) {
        return envelope(OrderEvents.ORDER_CANCELLED, orderId, 2, new OrderCancelled(orderId, "client cancelled", Instant.now()));
    }

    public static String deliveredEvent(String orderId) {
        return envelope(OrderEvents.ORDER_DELIVERED, orderId, 3, new OrderDelivered(orderId, Instant.now()));
    }
}
