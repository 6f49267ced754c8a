package com.tsh.erp.clients.messaging;

import com.tsh.erp.clients.service.ZohoContactImport;
import com.tsh.erp.events.zoho.ZohoEvents;
import com.tsh.erp.outbox.EventConsumer;
import com.tsh.erp.outbox.EventRoutes;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Contacts that changed in Zoho Books (zoho.inbound); other Zoho records are for other services. */
@ApplicationScoped
public class ZohoContactsConsumer {

    @Inject
    EventConsumer events;
    @Inject
    ZohoContactImport contacts;

    private EventRoutes routes;

    @jakarta.annotation.PostConstruct
    void routes() {
        routes = EventRoutes.builder().onPayload(ZohoEvents.CONTACT_CHANGED, contacts::apply).build();
    }

    @Incoming("zoho")
    @Blocking
    public void onZohoEvent(ConsumerRecord<String, String> record) {
        events.consume("zoho", record, routes);
    }
}
