package com.tsh.erp.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.events.Correlation;
import com.tsh.erp.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/** Records the event id and runs the effect in one new transaction; skips an id seen before. */
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
        Object previousRequestId = MDC.get(Correlation.REQUEST_ID);
        Object previousTraceparent = MDC.get(Correlation.TRACEPARENT);
        // events caused by this one carry the same request id and trace
        put(Correlation.REQUEST_ID, event.requestId());
        put(Correlation.TRACEPARENT, event.traceparent());
        try {
            handler.handle(event);
            return true;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            put(Correlation.REQUEST_ID, previousRequestId);
            put(Correlation.TRACEPARENT, previousTraceparent);
        }
    }

    private static void put(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
