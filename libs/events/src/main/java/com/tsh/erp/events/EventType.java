package com.tsh.erp.events;

/**
 * One kind of event: its name on the wire, the aggregate it belongs to, the topic it goes to and
 * the record that is its payload.
 */
public record EventType<P>(String name, String aggregateType, String topic, Class<P> payloadClass) {
}
