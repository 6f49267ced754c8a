package com.tsh.erp.zoho;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.EventType;
import com.tsh.erp.events.catalog.ProductUpserted;
import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.events.clients.ClientUpserted;
import com.tsh.erp.events.orders.OrderConfirmed;
import com.tsh.erp.testing.Db;
import com.tsh.erp.testing.TestRun;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every {@code @QuarkusTest} of zoho-sync-service stands on: the real servers, the simulator, this
 * run's topics and database. ERP changes are sent as their producers send them, on the run's topics.
 */
@ZohoTestStack
abstract class ZohoTestBase {

    /** Ids of this JVM's records, distinct from other runs' (the simulator keeps records across test classes). */
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 100);

    protected final TestRun run = new TestRun();
    protected final Db db = new Db();
    protected final ZohoSim sim = ZohoSimResource.sim();

    protected static long nextId() {
        return IDS.incrementAndGet();
    }

    protected <P> UUID send(EventType<P> type, String aggregateId, long version, P payload) {
        return send(type, aggregateId, version, EventEnvelope.ORIGIN_TSH, payload);
    }

    protected <P> UUID send(EventType<P> type, String aggregateId, long version, String origin, P payload) {
        UUID eventId = UUID.randomUUID();
        run.send(type.topic(), aggregateId, EventJson.write(new EventEnvelope<>(eventId, type.name(), type.aggregateType(),
                aggregateId, version, Instant.now(), "system:test", origin, null, null, payload)));
        return eventId;
    }

    protected static ProductUpserted product(long id, String sku, String retail, boolean active) {
        Instant now = Instant.now();
        return new ProductUpserted(id, sku, "Product " + sku, "منتج " + sku, "A test product", null, null, "pcs", new BigDecimal(retail),
                new BigDecimal(retail).subtract(BigDecimal.ONE), new BigDecimal("1.50"), 100, 0, 100, 1, 5, active, List.of(), null, now, now);
    }

    protected static ClientUpserted client(long id, ClientType type, boolean active) {
        Instant now = Instant.now();
        return new ClientUpserted(id, "Client " + id, "عميل " + id, type, "+9647" + String.format("%09d", id % 1_000_000_000L),
                "client" + id + "@example.com", "Street " + id, "Baghdad", "Central", null, new BigDecimal("5000.00"), active, null, now, now);
    }

    protected static OrderConfirmed order(String orderId, String number, long clientId, long... productIds) {
        Instant now = Instant.now();
        List<OrderConfirmed.ConfirmedLine> lines = java.util.Arrays.stream(productIds)
                .mapToObj(p -> new OrderConfirmed.ConfirmedLine(p, "SKU-" + p, "Product " + p, "منتج " + p, 2, new BigDecimal("10.00"),
                        new BigDecimal("20.00")))
                .toList();
        BigDecimal subtotal = new BigDecimal("20.00").multiply(BigDecimal.valueOf(productIds.length));
        return new OrderConfirmed(orderId, number, clientId, ClientType.WHOLESALE, null, lines, subtotal, new BigDecimal("5.00"),
                subtotal.multiply(new BigDecimal("0.05")).setScale(2), subtotal.multiply(new BigDecimal("0.95")).setScale(2), "IQD",
                "leave at the door", now, now);
    }

    /** Waits until nothing of these records waits to be pushed (every task done). */
    protected void awaitPushed(String kind, String... erpIds) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() ->
                db.count("select count(*) from sync_task where kind = ? and erp_id = any(?::text[])", kind, (Object) erpIds) == 0
                        && db.count("select count(*) from zoho_mapping where kind = ? and erp_id = any(?::text[])", kind, (Object) erpIds)
                        == erpIds.length);
    }

    protected String zohoId(String kind, Object erpId) {
        return db.text("select zoho_id from zoho_mapping where kind = ? and erp_id = ?", kind, String.valueOf(erpId));
    }

    protected JsonNode only(List<JsonNode> records) {
        if (records.size() != 1) {
            throw new AssertionError("expected exactly one record, found " + records.size() + ": " + records);
        }
        return records.get(0);
    }

    /** A custom field's value in a Zoho record (items by customfield_id, contacts by index). */
    protected static String customField(JsonNode record, String idOrIndex) {
        for (JsonNode f : record.path("custom_fields")) {
            if (idOrIndex.equals(f.path("customfield_id").asText()) || idOrIndex.equals(f.path("index").asText())) {
                return f.path("value").asText();
            }
        }
        return null;
    }

    /**
     * Whether a pull skips this Zoho record as the echo of our own push: its mapping holds the time Zoho gave
     * our last write, and the record has not changed since (what ZohoInbound checks).
     */
    protected boolean isEcho(String kind, JsonNode record, String idField) {
        String pushed = db.text("select to_char(zoho_modified_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from zoho_mapping "
                + "where kind = ? and zoho_id = ?", kind, record.path(idField).asText());
        return pushed != null && !com.tsh.erp.zoho.client.ZohoRecords.time(record.get("last_modified_time")).isAfter(Instant.parse(pushed));
    }
}
