package com.tsh.erp.catalog.messaging;

import com.tsh.erp.catalog.service.StockReservations;
import com.tsh.erp.events.orders.OrderEvents;
import com.tsh.erp.outbox.EventConsumer;
import com.tsh.erp.outbox.EventRoutes;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** catalog-service's side of the order saga, from orders.orders. Other order events are not ours and are ignored. */
@ApplicationScoped
public class OrderEventsConsumer {

    @Inject
    EventConsumer events;
    @Inject
    StockReservations reservations;

    private EventRoutes routes;

    @PostConstruct
    void routes() {
        routes = EventRoutes.builder()
                .on(OrderEvents.ORDER_PLACED, e -> reservations.reserve(e.payload(), e.aggregateVersion()))
                .onPayload(OrderEvents.ORDER_CANCELLED, c -> reservations.release(c.orderId()))
                .onPayload(OrderEvents.ORDER_REJECTED, r -> reservations.release(r.orderId()))
                .onPayload(OrderEvents.ORDER_DELIVERED, d -> reservations.deliver(d.orderId()))
                .build();
    }

    @Incoming("orders")
    @Blocking
    public void onOrderEvent(ConsumerRecord<String, String> record) {
        events.consume("orders", record, routes);
    }
}
