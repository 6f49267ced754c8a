package com.tsh.erp.gateway.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.Topics;
import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.outbox.EventConsumer;
import com.tsh.erp.outbox.EventHandler;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The gateway's reading of the services' topics: every event into the audit log, and products, categories and
 * clients into the change feed, in one transaction with the event's inbox row ({@code gateway.<channel>}), so each
 * event is applied once (a redelivery is skipped; a poison message goes to {@code <topic>.dlq}). One channel per
 * topic, so the services' events are read side by side. {@code zoho.inbound} is not read: what Zoho changes comes
 * back as the services' own events, with {@code origin: zoho}, and is audited there.
 */
@ApplicationScoped
public class FeedConsumer {

    @Inject
    EventConsumer events;
    @Inject
    AuditLog audit;
    @Inject
    FeedWriter feed;

    private void consume(String channel, String topic, ConsumerRecord<String, String> record, EventHandler alsoFeed) {
        events.consume("gateway." + channel, record, e -> {
            audit.record(topic, e, app(record));
            if (alsoFeed != null) {
                alsoFeed.handle(e);
            }
        });
    }

    /** The app a change was made from, if the event names one (a top-level {@code app}; no producer sets it yet). */
    private static String app(ConsumerRecord<String, String> record) {
        try {
            JsonNode app = EventJson.mapper().readTree(record.value()).get("app");
            return app != null && app.isTextual() && !app.asText().isBlank() ? app.asText() : null;
        } catch (Exception e) {
            return null; // not reached: EventConsumer already read the same text as an envelope
        }
    }

    @Incoming("products")
    @Blocking
    public void onProduct(ConsumerRecord<String, String> record) {
        consume("products", Topics.CATALOG_PRODUCTS, record, e -> {
            if (CatalogEvents.PRODUCT_UPSERTED.name().equals(e.eventType())) {
                EventEnvelope<com.tsh.erp.events.catalog.ProductUpserted> p = EventJson.payload(e, CatalogEvents.PRODUCT_UPSERTED);
                feed.product(p.payload(), p.aggregateVersion());
            } else if (CatalogEvents.PRODUCT_DEACTIVATED.name().equals(e.eventType())) {
                EventEnvelope<com.tsh.erp.events.catalog.ProductDeactivated> p = EventJson.payload(e, CatalogEvents.PRODUCT_DEACTIVATED);
                feed.productDeactivated(p.payload(), p.aggregateVersion());
            }
        });
    }

    @Incoming("categories")
    @Blocking
    public void onCategory(ConsumerRecord<String, String> record) {
        consume("categories", Topics.CATALOG_CATEGORIES, record, e -> {
            if (CatalogEvents.CATEGORY_UPSERTED.name().equals(e.eventType())) {
                EventEnvelope<com.tsh.erp.events.catalog.CategoryUpserted> c = EventJson.payload(e, CatalogEvents.CATEGORY_UPSERTED);
                feed.category(c.payload(), c.aggregateVersion());
            }
        });
    }

    @Incoming("clients")
    @Blocking
    public void onClient(ConsumerRecord<String, String> record) {
        consume("clients", Topics.CLIENTS_CLIENTS, record, e -> {
            if (ClientEvents.CLIENT_UPSERTED.name().equals(e.eventType())) {
                EventEnvelope<com.tsh.erp.events.clients.ClientUpserted> c = EventJson.payload(e, ClientEvents.CLIENT_UPSERTED);
                feed.client(c.payload(), c.aggregateVersion());
            }
        });
    }

    @Incoming("stock")
    @Blocking
    public void onStock(ConsumerRecord<String, String> record) {
        consume("stock", Topics.CATALOG_STOCK, record, null);
    }

    @Incoming("salespeople")
    @Blocking
    public void onSalesperson(ConsumerRecord<String, String> record) {
        consume("salespeople", Topics.CLIENTS_SALESPEOPLE, record, null);
    }

    @Incoming("credit")
    @Blocking
    public void onCredit(ConsumerRecord<String, String> record) {
        consume("credit", Topics.CLIENTS_CREDIT, record, null);
    }

    @Incoming("orders")
    @Blocking
    public void onOrder(ConsumerRecord<String, String> record) {
        consume("orders", Topics.ORDERS_ORDERS, record, null);
    }
}
