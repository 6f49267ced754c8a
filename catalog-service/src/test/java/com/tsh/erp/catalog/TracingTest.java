package com.tsh.erp.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.OrderMother;
import com.tsh.erp.events.Topics;
import com.tsh.erp.events.orders.OrderPlaced;
import com.tsh.erp.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * A change's trace (W3C traceparent, OpenTelemetry) and request id follow it from the HTTP request
 * into its events, their Kafka records, and the events a consumer writes in answer.
 */
@QuarkusTest
class TracingTest extends CatalogTestBase {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

    @Test
    void aRequestsTraceAndRequestIdTravelInItsEventsAndAsTheirRecordsTraceparentHeader() {
        long id = given().contentType(ContentType.JSON).header("X-Request-Id", "trace-test-1")
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01")
                .body(Catalog.productBody(Catalog.uniqueSku("TRC"), "Traced product", "منتج متتبع"))
                .post("/products").then().statusCode(201)
                .header("X-Request-Id", "trace-test-1")
                .extract().jsonPath().getLong("id");

        ConsumerRecord<String, String> record = record(Topics.CATALOG_PRODUCTS, String.valueOf(id), "ProductUpserted");
        EventEnvelope<JsonNode> event = EventJson.read(record.value());
        // the same trace, under the span of the request in this service (a child of the caller's)
        assertThat(event.traceparent(), matchesPattern("00-" + TRACE_ID + "-[0-9a-f]{16}-01"));
        assertNotEquals(CALLER_SPAN_ID, spanId(event.traceparent()));
        assertEquals(event.traceparent(), header(record, "traceparent"));
        assertEquals("trace-test-1", event.requestId());
    }

    @Test
    void aRequestWithoutATraceStartsOneThatItsEventsCarry() {
        String first = record(Topics.CATALOG_PRODUCTS, String.valueOf(Catalog.product("Untraced one", "بلا أثر ١", 0)),
                "ProductUpserted").value();
        String second = record(Topics.CATALOG_PRODUCTS, String.valueOf(Catalog.product("Untraced two", "بلا أثر ٢", 0)),
                "ProductUpserted").value();
        String firstTrace = EventJson.read(first).traceparent();
        String secondTrace = EventJson.read(second).traceparent();
        assertThat(firstTrace, matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
        assertThat(secondTrace, matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
        assertNotEquals(traceId(firstTrace), traceId(secondTrace));
    }

    @Test
    void aSagaAnswerCarriesTheTraceAndRequestIdOfTheOrderItAnswers() {
        long product = Catalog.product("Traced stock", "مخزون متتبع", 5);
        OrderPlaced order = OrderMother.ofProducts(product);
        EventEnvelope<JsonNode> placed = EventJson.read(OrderMother.placedEvent(order));
        String orderTrace = "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01";
        run.send(Topics.ORDERS_ORDERS, order.orderId(), EventJson.write(new EventEnvelope<>(placed.eventId(),
                placed.eventType(), placed.aggregateType(), placed.aggregateId(), placed.aggregateVersion(),
                placed.occurredAt(), placed.actor(), placed.origin(), orderTrace, placed.requestId(), placed.payload())));

        ConsumerRecord<String, String> record = record(Topics.CATALOG_STOCK, order.orderId(), "StockReserved");
        EventEnvelope<JsonNode> answer = EventJson.read(record.value());
        // written while the order was handled: the order's trace, under the span of handling it
        assertThat(answer.traceparent(), matchesPattern("00-" + TRACE_ID + "-[0-9a-f]{16}-01"));
        assertNotEquals(CALLER_SPAN_ID, spanId(answer.traceparent()));
        assertEquals(answer.traceparent(), header(record, "traceparent"));
        assertEquals(placed.requestId(), answer.requestId());
    }

    /** The first record of this type for this key on this run's copy of the topic. */
    private ConsumerRecord<String, String> record(String topic, String key, String eventType) {
        try (TopicProbe probe = run.probe(topic)) {
            List<ConsumerRecord<String, String>> records = probe.pollUntil(rs -> first(rs, key, eventType).isPresent(),
                    Duration.ofSeconds(30));
            return first(records, key, eventType).orElseThrow(() -> new AssertionError("no " + eventType + " for " + key));
        }
    }

    private static Optional<ConsumerRecord<String, String>> first(List<ConsumerRecord<String, String>> records, String key,
                                                                 String eventType) {
        return records.stream().filter(r -> key.equals(r.key()) && eventType.equals(header(r, "eventType"))).findFirst();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String traceId(String traceparent) {
        return traceparent.split("-")[1];
    }

    private static String spanId(String traceparent) {
        return traceparent.split("-")[2];
    }
}
