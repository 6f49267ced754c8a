package com.tsh.erp.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Retries an event's transaction on failures that may pass. A bean of its own so that each retry
 * runs in a new transaction (the retry interceptor must be outside the transactional one). The
 * figures can be tuned per service with MicroProfile Fault Tolerance config
 * ({@code com.tsh.erp.outbox.RetryingApplier/apply/Retry/maxRetries}).
 */
@ApplicationScoped
class RetryingApplier {

    @Inject
    TransactionalApplier transactional;

    @Retry(maxRetries = 5, delay = 200, jitter = 100, maxDuration = 30, durationUnit = ChronoUnit.SECONDS,
            abortOn = InvalidEventException.class)
    boolean apply(String consumer, EventEnvelope<JsonNode> event, EventHandler handler) {
        return transactional.apply(consumer, event, handler);
    }
}
