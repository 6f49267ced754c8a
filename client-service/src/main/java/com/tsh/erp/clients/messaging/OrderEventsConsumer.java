package com.tsh.erp.clients.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.clients.service.CreditReservations;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.orders.OrderEvents;
import com.tsh.erp.outbox.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** client-service's side of the order saga, from orders.orders. */
@ApplicationScoped
public class OrderEventsConsumer {

    static final String CONSUMER = "clients-orders";

    @Inject
    EventConsumer events;
    @Inject
    CreditReservations credit;

    @Incoming("orders")
    @Blocking
    public void onOrderEvent(ConsumerRecord<String, String> record) {
        events.consume(CONSUMER, record, this::apply);
    }

    void apply(EventEnvelope<JsonNode> event) {
        switch (event.eventType()) {
            case "OrderPlaced" -> credit.reserve(EventJson.payload(event, OrderEvents.ORDER_PLACED).payload(), event.aggregateVersion());
            case "OrderCancelled" -> credit.release(EventJson.payload(event, OrderEvents.ORDER_CANCELLED).payload().orderId());
            case "OrderRejected" -> credit.release(EventJson.payload(event, OrderEvents.ORDER_REJECTED).payload().orderId());
            case "OrderDelivered" -> credit.deliver(EventJson.payload(event, OrderEvents.ORDER_DELIVERED).payload().orderId());
            default -> { } // not ours
        }
    }
}
