package com.tsh.erp.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.InvalidEventException;
import com.tsh.erp.events.orders.OrderCancelled;
import com.tsh.erp.events.orders.OrderEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventRoutesTest {

    private static EventEnvelope<JsonNode> event(String type, long version, Object payload) {
        return EventJson.read(EventJson.write(new EventEnvelope<>(UUID.randomUUID(), type, "Order", "o-1", version,
                Instant.now(), "user:1", null, null, null, payload)));
    }

    @Test
    void eachTypeGoesToItsOwnTypedHandlerAndOthersAreIgnored() throws Exception {
        List<String> seen = new ArrayList<>();
        EventRoutes routes = EventRoutes.builder()
                .on(OrderEvents.ORDER_CANCELLED, e -> seen.add("cancelled " + e.payload().orderId() + " v" + e.aggregateVersion()))
                .onPayload(OrderEvents.ORDER_DELIVERED, d -> seen.add("delivered " + d.orderId()))
                .build();

        assertTrue(routes.dispatch(event("OrderCancelled", 4, new OrderCancelled("o-1", "client asked", Instant.now()))));
        assertFalse(routes.dispatch(event("OrderNoted", 5, Map.of("orderId", "o-1"))), "a type of a newer contract");

        assertEquals(List.of("cancelled o-1 v4"), seen);
    }

    @Test
    void aPayloadOffTheContractCannotBeApplied() {
        EventRoutes routes = EventRoutes.builder().onPayload(OrderEvents.ORDER_CANCELLED, c -> { }).build();
        assertThrows(InvalidEventException.class,
                () -> routes.dispatch(event("OrderCancelled", 1, Map.of("orderId", List.of("not", "text")))));
    }

    @Test
    void aTypeCannotBeRoutedTwice() {
        assertThrows(IllegalArgumentException.class, () -> EventRoutes.builder()
                .onPayload(OrderEvents.ORDER_CANCELLED, c -> { })
                .onPayload(OrderEvents.ORDER_CANCELLED, c -> { }));
    }
}
