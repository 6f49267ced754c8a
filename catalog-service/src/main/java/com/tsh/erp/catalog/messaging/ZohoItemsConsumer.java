package com.tsh.erp.catalog.messaging;

import com.tsh.erp.catalog.service.ZohoItemImport;
import com.tsh.erp.events.zoho.ZohoEvents;
import com.tsh.erp.outbox.EventConsumer;
import com.tsh.erp.outbox.EventRoutes;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PostConstruct;
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

    private EventRoutes routes;

    @PostConstruct
    void routes() {
        routes = EventRoutes.builder().onPayload(ZohoEvents.ITEM_CHANGED, items::apply).build();
    }

    @Incoming("zoho")
    @Blocking
    public void onZohoEvent(ConsumerRecord<String, String> record) {
        events.consume("zoho", record, routes);
    }
}
