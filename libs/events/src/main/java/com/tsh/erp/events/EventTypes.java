package com.tsh.erp.events;

import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.events.orders.OrderEvents;
import com.tsh.erp.events.zoho.ZohoEvents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Every event type there is, by name. A new event type is added to its producer's list and so appears here. */
public final class EventTypes {

    private static final Map<String, EventType<?>> BY_NAME = new LinkedHashMap<>();

    static {
        Stream.of(CatalogEvents.ALL, ClientEvents.ALL, OrderEvents.ALL, ZohoEvents.ALL).flatMap(List::stream).forEach(t -> {
            if (BY_NAME.put(t.name(), t) != null) {
                throw new IllegalStateException("Event type defined twice: " + t.name());
            }
        });
    }

    private EventTypes() {
    }

    public static List<EventType<?>> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
