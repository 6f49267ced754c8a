package com.tsh.erp.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.EventType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * What a consumer does with each event type of a channel, typed:
 *
 * <pre>
 * routes = EventRoutes.builder()
 *         .on(OrderEvents.ORDER_PLACED, e -&gt; reservations.reserve(e.payload(), e.aggregateVersion()))
 *         .onPayload(OrderEvents.ORDER_CANCELLED, c -&gt; reservations.release(c.orderId()))
 *         .build();
 * ...
 * events.consume("orders", record, routes);
 * </pre>
 *
 * The payload is read as the event type's record (a payload off the contract goes to the
 * dead-letter topic). Event types without a route are ignored (logged at debug): a topic carries
 * events for several consumers, and contracts grow by new types.
 */
public final class EventRoutes {

    private static final Logger LOG = Logger.getLogger(EventRoutes.class);

    /** Handles an event with its envelope (for its version, actor, origin). */
    @FunctionalInterface
    public interface EnvelopeHandler<P> {
        void handle(EventEnvelope<P> event) throws Exception;
    }

    /** Handles an event's payload. */
    @FunctionalInterface
    public interface PayloadHandler<P> {
        void handle(P payload) throws Exception;
    }

    private record Route<P>(EventType<P> type, EnvelopeHandler<P> handler) {
        void apply(EventEnvelope<JsonNode> event) throws Exception {
            handler.handle(EventJson.payload(event, type));
        }
    }

    private final Map<String, Route<?>> routes;

    private EventRoutes(Map<String, Route<?>> routes) {
        this.routes = Map.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Applies the event's route, if it has one; returns false when the type is not routed here. */
    boolean dispatch(EventEnvelope<JsonNode> event) throws Exception {
        Route<?> route = routes.get(event.eventType());
        if (route == null) {
            LOG.debugf("no route for %s %s: ignored", event.eventType(), event.eventId());
            return false;
        }
        route.apply(event);
        return true;
    }

    public static final class Builder {
        private final Map<String, Route<?>> routes = new LinkedHashMap<>();

        public <P> Builder on(EventType<P> type, EnvelopeHandler<P> handler) {
            if (routes.putIfAbsent(type.name(), new Route<>(type, handler)) != null) {
                throw new IllegalArgumentException(type.name() + " is routed twice");
            }
            return this;
        }

        public <P> Builder onPayload(EventType<P> type, PayloadHandler<P> handler) {
            return on(type, e -> handler.handle(e.payload()));
        }

        public EventRoutes build() {
            return new EventRoutes(routes);
        }
    }
}
