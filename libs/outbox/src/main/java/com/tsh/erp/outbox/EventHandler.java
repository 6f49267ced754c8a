package com.tsh.erp.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.events.EventEnvelope;

/** The effect of one event, run inside the consumer's transaction. Read the payload with {@code EventJson.payload}. */
@FunctionalInterface
public interface EventHandler {
    void handle(EventEnvelope<JsonNode> event) throws Exception;
}
