package com.tsh.erp.catalog.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.catalog.config.CatalogConfig;
import com.tsh.erp.catalog.service.StockReservations;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.orders.OrderEvents;
import com.tsh.erp.outbox.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** catalog-service's side of the order saga, from orders.orders. Other order events are not ours and are skipped. */
@ApplicationScoped
public class OrderEventsConsumer {

    private static final Logger LOG = Logger.getLogger(OrderEventsConsumer.class);

    @Inject
    EventConsumer events;
    @Inject
    StockReservations reservations;
    @Inject
    CatalogConfig config;

    @Incoming("orders")
    @Blocking
    public void onOrderEvent(ConsumerRecord<String, String> record) {
        events.consume(config.ordersConsumer(), record, this::apply);
    }

    void apply(EventEnvelope<JsonNode> event) {
        switch (event.eventType()) {
            case "OrderPlaced" -> {
                var order = EventJson.payload(event, OrderEvents.ORDER_PLACED).payload();
                boolean reserved = reservations.reserve(order, event.aggregateVersion());
                LOG.debugf("order %s: stock %s", order.orderId(), reserved ? "reserved" : "rejected");
            }
            case "OrderCancelled" -> reservations.release(EventJson.payload(event, OrderEvents.ORDER_CANCELLED).payload().orderId());
            case "OrderRejected" -> reservations.release(EventJson.payload(event, OrderEvents.ORDER_REJECTED).payload().orderId());
            case "OrderDelivered" -> reservations.deliver(EventJson.payload(event, OrderEvents.ORDER_DELIVERED).payload().orderId());
            default -> LOG.debugf("skipping %s %s", event.eventType(), event.eventId());
        }
    }
}
