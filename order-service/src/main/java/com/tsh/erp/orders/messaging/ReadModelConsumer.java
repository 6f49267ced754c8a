package com.tsh.erp.orders.messaging;

import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.orders.config.OrdersConfig;
import com.tsh.erp.orders.service.ReadModels;
import com.tsh.erp.outbox.EventConsumer;
import com.tsh.erp.outbox.EventRoutes;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Products, clients and salespeople into the read models. The inbox names carry the read-model
 * generation ({@code order-service.products@1}), like the consumer group, so a new generation
 * applies every event again from the beginning of the topics (README, "Rebuilding the read models").
 */
@ApplicationScoped
public class ReadModelConsumer {

    @Inject
    EventConsumer events;
    @Inject
    ReadModels models;
    @Inject
    OrdersConfig config;

    private EventRoutes products;
    private EventRoutes clients;
    private EventRoutes salespeople;

    @PostConstruct
    void routes() {
        products = EventRoutes.builder()
                .on(CatalogEvents.PRODUCT_UPSERTED, e -> models.product(e.payload(), e.aggregateVersion()))
                .on(CatalogEvents.PRODUCT_DEACTIVATED, e -> models.productDeactivated(e.payload(), e.aggregateVersion()))
                .build();
        clients = EventRoutes.builder()
                .on(ClientEvents.CLIENT_UPSERTED, e -> models.client(e.payload(), e.aggregateVersion()))
                .build();
        salespeople = EventRoutes.builder()
                .on(ClientEvents.SALESPERSON_UPSERTED, e -> models.salesperson(e.payload(), e.aggregateVersion()))
                .build();
    }

    private String inbox(String channel) {
        return "order-service." + channel + "@" + config.readModelGeneration();
    }

    @Incoming("products")
    @Blocking
    public void onProduct(ConsumerRecord<String, String> record) {
        events.consumeAs(inbox("products"), record, products);
    }

    @Incoming("clients")
    @Blocking
    public void onClient(ConsumerRecord<String, String> record) {
        events.consumeAs(inbox("clients"), record, clients);
    }

    @Incoming("salespeople")
    @Blocking
    public void onSalesperson(ConsumerRecord<String, String> record) {
        events.consumeAs(inbox("salespeople"), record, salespeople);
    }
}
