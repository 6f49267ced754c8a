package com.tsh.erp.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.catalog.ProductUpserted;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoldenEventsTest {

    static Stream<EventType<?>> eventTypes() {
        return EventTypes.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everyEventTypeRoundTripsItsGoldenExample(EventType<?> type) throws Exception {
        String golden = GoldenEvents.json(type);
        EventEnvelope<?> typed = GoldenEvents.envelope(type);

        assertEquals(type.name(), typed.eventType());
        assertEquals(type.aggregateType(), typed.aggregateType());
        assertTrue(type.payloadClass().isInstance(typed.payload()));

        JsonNode expected = EventJson.mapper().readTree(golden);
        JsonNode written = EventJson.mapper().readTree(EventJson.write(typed));
        assertEquals(expected, written, "writing the typed event must give back the golden JSON");
    }

    @Test
    void moneyKeepsItsScaleAndArabicSurvives() {
        ProductUpserted p = GoldenEvents.envelope(CatalogEvents.PRODUCT_UPSERTED).payload();
        assertEquals(new BigDecimal("4250.50"), p.costPrice());
        assertEquals("كابل يو إس بي سي ١ متر", p.nameAr());
    }

    @Test
    void readersIgnoreFieldsAddedLater() throws Exception {
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(GoldenEvents.json(CatalogEvents.PRODUCT_UPSERTED));
        json.put("tenant", "tsh");
        ((ObjectNode) json.get("payload")).put("barcode", "6281000000001");
        EventEnvelope<ProductUpserted> e = EventJson.payload(EventJson.read(json.toString()), CatalogEvents.PRODUCT_UPSERTED);
        assertEquals("TSH-CBL-0042", e.payload().sku());
    }

    @Test
    void missingOriginMeansMadeHere() throws Exception {
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(GoldenEvents.json(CatalogEvents.CATEGORY_UPSERTED));
        json.remove("origin");
        assertFalse(EventJson.read(json.toString()).cameFromZoho());
    }

    @Test
    void garbageAndIncompleteEnvelopesAreRejectedWithAReason() {
        InvalidEventException notJson = assertThrows(InvalidEventException.class, () -> EventJson.read("{not json"));
        assertTrue(notJson.getMessage().startsWith("not a valid event envelope"), notJson.getMessage());

        InvalidEventException noId = assertThrows(InvalidEventException.class,
                () -> EventJson.read("{\"eventType\":\"ProductUpserted\",\"payload\":{}}"));
        assertTrue(noId.getMessage().contains("eventId"), noId.getMessage());

        assertThrows(InvalidEventException.class, () -> EventJson.read(""));
    }

    @Test
    void payloadOfTheWrongShapeIsRejected() throws Exception {
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(GoldenEvents.json(CatalogEvents.PRODUCT_UPSERTED));
        ((ObjectNode) json.get("payload")).put("stockOnHand", "a lot");
        EventEnvelope<JsonNode> envelope = EventJson.read(json.toString());
        InvalidEventException e = assertThrows(InvalidEventException.class,
                () -> EventJson.payload(envelope, CatalogEvents.PRODUCT_UPSERTED));
        assertTrue(e.getMessage().contains("stockOnHand"), e.getMessage());

        assertThrows(InvalidEventException.class, () -> EventJson.payload(envelope, CatalogEvents.STOCK_CHANGED));
    }

    @Test
    void topicsHaveDeadLetterTopics() {
        assertEquals("orders.orders.dlq", Topics.dlq(Topics.ORDERS_ORDERS));
        EventTypes.all().forEach(t -> assertTrue(Topics.ALL.contains(t.topic()), t.name() + " goes to an unknown topic"));
    }
}
