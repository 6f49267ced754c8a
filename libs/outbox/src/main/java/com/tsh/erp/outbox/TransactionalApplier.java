package com.tsh.erp.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Records the event id and runs the effect in one new transaction; skips an id seen before. The
 * event's trace and request id are already current ({@link EventConsumer}).
 */
@ApplicationScoped
class TransactionalApplier {

    private static final Logger LOG = Logger.getLogger(TransactionalApplier.class);

    @Inject
    ProcessedEvents processed;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean apply(String consumer, EventEnvelope<JsonNode> event, EventHandler handler) {
        if (!processed.recordFirstDelivery(consumer, event.eventId(), event.eventType())) {
            LOG.debugf("%s skips %s %s: applied before", consumer, event.eventType(), event.eventId());
            return false;
        }
        try {
            handler.handle(event);
            return true;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
