package com.tsh.erp.zoho.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.catalog.ProductDeactivated;
import com.tsh.erp.events.catalog.ProductUpserted;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.events.clients.ClientUpserted;
import com.tsh.erp.events.orders.OrderEvents;
import com.tsh.erp.outbox.EventConsumer;
import com.tsh.erp.outbox.EventRoutes;
import com.tsh.erp.zoho.config.ZohoConfig;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * ERP changes into the push queue. Each event offers its record's newest state to {@code sync_task}
 * (in the transaction that records the event as applied); the workers send it. Not pushed: changes
 * that came from Zoho ({@code origin: zoho}; their Zoho id is recorded in the mapping instead), and
 * changes of a kind whose master is Zoho ({@code tsh.zoho.master.*}).
 */
@ApplicationScoped
public class ChangeConsumer {

    @Inject
    EventConsumer events;
    @Inject
    SyncTasks tasks;
    @Inject
    Mappings mappings;
    @Inject
    ZohoConfig config;

    private EventRoutes products;
    private EventRoutes clients;
    private EventRoutes orders;

    @PostConstruct
    void routes() {
        products = EventRoutes.builder()
                .on(CatalogEvents.PRODUCT_UPSERTED, this::product)
                .on(CatalogEvents.PRODUCT_DEACTIVATED, this::productDeactivated)
                .build();
        clients = EventRoutes.builder().on(ClientEvents.CLIENT_UPSERTED, this::client).build();
        orders = EventRoutes.builder()
                .on(OrderEvents.ORDER_CONFIRMED, e -> order(e, "CONFIRMED", EventJson.mapper().createObjectNode()
                        .set("confirmed", EventJson.mapper().valueToTree(e.payload()))))
                .on(OrderEvents.ORDER_DELIVERED, e -> order(e, "DELIVERED", EventJson.mapper().createObjectNode()))
                .on(OrderEvents.ORDER_CANCELLED, e -> order(e, "CANCELLED", EventJson.mapper().createObjectNode()
                        .put("reason", e.payload().reason())))
                .build();
    }

    void product(EventEnvelope<ProductUpserted> e) {
        ProductUpserted p = e.payload();
        if (e.cameFromZoho()) {
            if (p.zohoItemId() != null) {
                mappings.adopt("product", e.aggregateId(), p.zohoItemId(), p.sku());
            }
            return;
        }
        if (config.master().products().pushes()) {
            tasks.offer("product", e.aggregateId(), SyncTasks.PRODUCT_PRIORITY, e.aggregateVersion(), write(EventJson.mapper().valueToTree(p)));
        }
    }

    void productDeactivated(EventEnvelope<ProductDeactivated> e) {
        if (e.cameFromZoho() || !config.master().products().pushes()) {
            return;
        }
        // merged into a waiting upsert's state, or alone: only the item's status changes
        ObjectNode state = EventJson.mapper().createObjectNode().put("productId", e.payload().productId()).put("sku", e.payload().sku())
                .put("active", false).put("deactivationOnly", true);
        tasks.offer("product", e.aggregateId(), SyncTasks.PRODUCT_PRIORITY, e.aggregateVersion(), write(state));
    }

    void client(EventEnvelope<ClientUpserted> e) {
        ClientUpserted c = e.payload();
        if (e.cameFromZoho()) {
            if (c.zohoContactId() != null) {
                mappings.adopt("client", e.aggregateId(), c.zohoContactId(), c.phone());
            }
            return;
        }
        if (config.master().clients().pushes()) {
            tasks.offer("client", e.aggregateId(), SyncTasks.CLIENT_PRIORITY, e.aggregateVersion(), write(EventJson.mapper().valueToTree(c)));
        }
    }

    void order(EventEnvelope<?> e, String target, ObjectNode state) {
        if (e.cameFromZoho() || !config.master().orders().pushes()) {
            return;
        }
        state.put("target", target);
        tasks.offer("order", e.aggregateId(), SyncTasks.ORDER_PRIORITY, e.aggregateVersion(), write(state));
    }

    private static String write(Object node) {
        return node.toString();
    }

    @Incoming("products")
    @Blocking
    public void onProduct(ConsumerRecord<String, String> record) {
        events.consume("products", record, products);
    }

    @Incoming("clients")
    @Blocking
    public void onClient(ConsumerRecord<String, String> record) {
        events.consume("clients", record, clients);
    }

    @Incoming("orders")
    @Blocking
    public void onOrder(ConsumerRecord<String, String> record) {
        events.consume("orders", record, orders);
    }
}
