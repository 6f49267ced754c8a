package com.tsh.erp.events.orders;

import com.tsh.erp.events.EventType;
import com.tsh.erp.events.Topics;
import java.util.List;

/** The events order-service publishes. */
public final class OrderEvents {

    public static final EventType<OrderPlaced> ORDER_PLACED =
            new EventType<>("OrderPlaced", "Order", Topics.ORDERS_ORDERS, OrderPlaced.class);
    public static final EventType<OrderConfirmed> ORDER_CONFIRMED =
            new EventType<>("OrderConfirmed", "Order", Topics.ORDERS_ORDERS, OrderConfirmed.class);
    public static final EventType<OrderCancelled> ORDER_CANCELLED =
            new EventType<>("OrderCancelled", "Order", Topics.ORDERS_ORDERS, OrderCancelled.class);
    public static final EventType<OrderRejected> ORDER_REJECTED =
            new EventType<>("OrderRejected", "Order", Topics.ORDERS_ORDERS, OrderRejected.class);
    public static final EventType<OrderDelivered> ORDER_DELIVERED =
            new EventType<>("OrderDelivered", "Order", Topics.ORDERS_ORDERS, OrderDelivered.class);

    public static final List<EventType<?>> ALL = List.of(ORDER_PLACED, ORDER_CONFIRMED, ORDER_CANCELLED, ORDER_REJECTED, ORDER_DELIVERED);

    private OrderEvents() {
    }
}
