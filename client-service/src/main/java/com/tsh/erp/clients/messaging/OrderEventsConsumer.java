package com.tsh.erp.clients.messaging;

import com.tsh.erp.clients.service.CreditReservations;
import com.tsh.erp.events.orders.OrderEvents;
import com.tsh.erp.outbox.EventConsumer;
import com.tsh.erp.outbox.EventRoutes;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** client-service's side of the order saga, from orders.orders. */
@ApplicationScoped
public class OrderEventsConsumer {

    @Inject
    EventConsumer events;
    @Inject
    CreditReservations credit;

    private EventRoutes routes;

    @PostConstruct
    void routes() {
        routes = EventRoutes.builder()
                .on(OrderEvents.ORDER_PLACED, e -> credit.reserve(e.payload(), e.aggregateVersion()))
                .onPayload(OrderEvents.ORDER_CANCELLED, c -> credit.release(c.orderId()))
                .onPayload(OrderEvents.ORDER_REJECTED, r -> credit.release(r.orderId()))
                .onPayload(OrderEvents.ORDER_DELIVERED, d -> credit.deliver(d.orderId()))
                .build();
    }

    @Incoming("orders")
    @Blocking
    public void onOrderEvent(ConsumerRecord<String, String> record) {
        events.consume("orders", record, routes);
    }
}
