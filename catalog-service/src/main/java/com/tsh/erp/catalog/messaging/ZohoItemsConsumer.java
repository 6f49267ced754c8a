package com.tsh.erp.catalog.messaging;

import com.tsh.erp.catalog.config.CatalogConfig;
import com.tsh.erp.catalog.service.ZohoItemImport;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.zoho.ZohoEvents;
import com.tsh.erp.outbox.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Items that changed in Zoho Inventory (zoho.inbound); other Zoho records are for other services. */
@ApplicationScoped
public class ZohoItemsConsumer {

    @Inject
    EventConsumer events;
    @Inject
    ZohoItemImport items;
    @Inject
    CatalogConfig config;

    @Incoming("zoho")
    @Blocking
    public void onZohoEvent(ConsumerRecord<String, String> record) {
        events.consume(config.zohoConsumer(), record, event -> {
            if (ZohoEvents.ITEM_CHANGED.name().equals(event.eventType())) {
                items.apply(EventJson.payload(event, ZohoEvents.ITEM_CHANGED).payload());
            }
        });
    }
}
