package com.tsh.erp.zoho;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.catalog.ProductDeactivated;
import com.tsh.erp.events.catalog.ProductUpserted;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.events.orders.OrderCancelled;
import com.tsh.erp.events.orders.OrderDelivered;
import com.tsh.erp.events.orders.OrderEvents;
import com.tsh.erp.zoho.push.PushWorkers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** ERP changes reach the simulator with the fields Zoho's documents name (the simulator refuses any body that does not conform). */
@QuarkusTest
class PushTest extends ZohoTestBase {

    @Inject
    PushWorkers workers;

    @Test
    void aProductIsCreatedThenUpdatedThenDeactivated() {
        long id = nextId();
        String sku = "P-" + id;
        send(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(id), 1, product(id, sku, "12.50", true));
        awaitPushed("product", String.valueOf(id));
        JsonNode item = only(sim.records("items", "sku", sku));
        assertEquals("Product " + sku, item.path("name").asText());
        assertEquals(new BigDecimal("12.50"), item.path("rate").decimalValue().setScale(2));
        assertEquals(new BigDecimal("1.50"), item.path("purchase_rate").decimalValue().setScale(2));
        assertEquals("pcs", item.path("unit").asText());
        assertEquals("active", item.path("status").asText());
        assertEquals("منتج " + sku, customField(item, "46000000000101"));
        assertEquals(String.valueOf(id), customField(item, "46000000000102"));
        assertEquals(item.path("item_id").asText(), zohoId("product", id));

        send(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(id), 2, product(id, sku, "14.00", true));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                only(sim.records("items", "sku", sku)).path("rate").decimalValue().compareTo(new BigDecimal("14.00")) == 0);
        send(CatalogEvents.PRODUCT_DEACTIVATED, String.valueOf(id), 3, new ProductDeactivated(id, sku, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> "inactive".equals(only(sim.records("items", "sku", sku)).path("status").asText()));
        assertEquals(1, sim.records("items", "sku", sku).size());
    }

    @Test
    void changesWaitingTogetherAreOneCallWithTheNewestState() {
        long id = nextId();
        String sku = "C-" + id;
        send(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(id), 1, product(id, sku, "10.00", true));
        awaitPushed("product", String.valueOf(id));
        workers.pause();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> workers.busy() == 0);
            long before = sim.lastSeq();
            for (int v = 2; v <= 6; v++) {
                send(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(id), v, product(id, sku, v + "0.00", true));
            }
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    db.count("select version from sync_task where kind = 'product' and erp_id = ?", String.valueOf(id)) == 6);
            workers.resume();
            awaitPushed("product", String.valueOf(id));
            assertEquals(new BigDecimal("60.00"), only(sim.records("items", "sku", sku)).path("rate").decimalValue().setScale(2));
            List<ZohoSim.Call> puts = sim.calls(before).stream()
                    .filter(c -> c.method().equals("PUT") && c.path().endsWith("/items/" + zohoId("product", id))).toList();
            assertEquals(1, puts.size(), "five changes waiting together make one update: " + puts);
        } finally {
            workers.resume();
        }
    }

    @Test
    void changesThatCameFromZohoAreNotPushedBack() {
        long id = nextId();
        ProductUpserted fromZoho = new ProductUpserted(id, "Z-" + id, "From Zoho", "من زوهو", null, null, null, "pcs", BigDecimal.TEN,
                BigDecimal.TEN, BigDecimal.ONE, 0, 0, 0, 1, 0, true, List.of(), "4815000000" + id, Instant.now(), Instant.now());
        long before = sim.lastSeq();
        send(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(id), 1, EventEnvelope.ORIGIN_ZOHO, fromZoho);
        await().atMost(Duration.ofSeconds(30)).until(() -> ("4815000000" + id).equals(zohoId("product", id)));
        assertEquals(0, db.count("select count(*) from sync_task where erp_id = ?", String.valueOf(id)));
        assertTrue(sim.records("items", "sku", "Z-" + id).isEmpty());
        assertTrue(sim.calls(before).stream().noneMatch(c -> c.path().contains("/items")), "nothing was sent for it");
    }

    @Test
    void aClientBecomesABooksContact() {
        long id = nextId();
        send(ClientEvents.CLIENT_UPSERTED, String.valueOf(id), 1, client(id, ClientType.WHOLESALE, true));
        awaitPushed("client", String.valueOf(id));
        JsonNode contact = only(sim.records("contacts", "contact_id", zohoId("client", id)));
        assertEquals("Client " + id, contact.path("contact_name").asText());
        assertEquals("customer", contact.path("contact_type").asText());
        assertEquals("business", contact.path("customer_sub_type").asText());
        assertEquals("Baghdad", contact.path("billing_address").path("city").asText());
        assertEquals("عميل " + id, customField(contact, "1"));
        assertEquals(String.valueOf(id), customField(contact, "2"));

        long retail = nextId();
        send(ClientEvents.CLIENT_UPSERTED, String.valueOf(retail), 1, client(retail, ClientType.RETAIL, true));
        awaitPushed("client", String.valueOf(retail));
        assertEquals("individual", only(sim.records("contacts", "contact_id", zohoId("client", retail))).path("customer_sub_type").asText());
    }

    @Test
    void aWaitingOrderIsWokenWhenWhatItWaitsForIsMappedNotByItsPoll() {
        long clientId = nextId();
        long p1 = nextId();
        String orderId = UUID.randomUUID().toString();
        String number = "SO-2026-" + (orderId.hashCode() & 0xfffff);
        send(OrderEvents.ORDER_CONFIRMED, orderId, 3, order(orderId, number, clientId, p1));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("""
                select count(*) from sync_task where kind = 'order' and erp_id = ? and waiting_since is not null
                and waiting_keys @> array['client:%d', 'product:%d']""".formatted(clientId, p1), orderId) == 1);
        // its next poll an hour away: only the wake-up can take it now
        db.exec("update sync_task set next_attempt_at = now() + interval '1 hour' where kind = 'order' and erp_id = ?", orderId);
        send(ClientEvents.CLIENT_UPSERTED, String.valueOf(clientId), 1, client(clientId, ClientType.WHOLESALE, true));
        send(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(p1), 1, product(p1, "SKU-" + p1, "10.00", true));
        awaitPushed("order", orderId);
        assertEquals(1, sim.records("salesorders", "salesorder_number", number).size());
    }

    @Test
    void anOrderWaitingLongerThanTheDependencyWaitIsMarkedFailedSayingWhatItWaitsFor() {
        long clientId = nextId();
        long p1 = nextId();
        String orderId = UUID.randomUUID().toString();
        send(OrderEvents.ORDER_CONFIRMED, orderId, 3, order(orderId, "SO-2026-W" + (orderId.hashCode() & 0xffff), clientId, p1));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from sync_task where kind = 'order' and erp_id = ? and waiting_since is not null", orderId) == 1);
        // as if it had waited past tsh.zoho.push.dependency-wait (1 h): the next attempt gives up
        db.exec("update sync_task set waiting_since = now() - interval '2 hours', next_attempt_at = now() where kind = 'order' and erp_id = ?",
                orderId);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from sync_task where kind = 'order' and erp_id = ? and status = 'FAILED'", orderId) == 1);
        String message = db.text("select last_error_message from sync_task where kind = 'order' and erp_id = ?", orderId);
        assertTrue(message.contains("client " + clientId) && message.contains("for longer than PT1H"), message);
    }

    @Test
    void anOrderWaitsForItsClientAndProductsThenBecomesASalesOrderAnInvoiceAndIsVoided() {
        long clientId = nextId();
        long p1 = nextId();
        long p2 = nextId();
        String orderId = UUID.randomUUID().toString();
        String number = "SO-2026-" + (orderId.hashCode() & 0xfffff);
        // the order comes first: it waits, and raises its client and products to go before it
        send(OrderEvents.ORDER_CONFIRMED, orderId, 3, order(orderId, number, clientId, p1, p2));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from sync_task where kind = 'order' and erp_id = ? and waiting_for is not null", orderId) == 1);
        send(ClientEvents.CLIENT_UPSERTED, String.valueOf(clientId), 1, client(clientId, ClientType.WHOLESALE, true));
        send(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(p1), 1, product(p1, "SKU-" + p1, "10.00", true));
        send(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(p2), 1, product(p2, "SKU-" + p2, "10.00", true));
        awaitPushed("order", orderId);

        JsonNode so = only(sim.records("salesorders", "salesorder_number", number));
        assertEquals(zohoId("client", clientId), so.path("customer_id").asText());
        assertEquals(2, so.path("line_items").size());
        assertEquals(zohoId("product", p1), so.path("line_items").get(0).path("item_id").asText());
        assertEquals(zohoId("product", p2), so.path("line_items").get(1).path("item_id").asText());
        assertEquals(orderId, so.path("reference_number").asText());

        send(OrderEvents.ORDER_DELIVERED, orderId, 4, new OrderDelivered(orderId, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> zohoId("invoice", orderId) != null);
        JsonNode invoice = only(sim.records("invoices", "invoice_id", zohoId("invoice", orderId)));
        assertEquals(number, invoice.path("reference_number").asText());
        assertEquals(so.path("customer_id").asText(), invoice.path("customer_id").asText());
        assertEquals(1, sim.records("invoices", "reference_number", number).size());

        send(OrderEvents.ORDER_CANCELLED, orderId, 5, new OrderCancelled(orderId, "client changed his mind", Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> "void".equals(only(sim.records("salesorders", "salesorder_number", number)).path("status").asText()));
        await().atMost(Duration.ofSeconds(60)).until(() -> "void".equals(only(sim.records("invoices", "reference_number", number)).path("status").asText()));
    }

    @Test
    void anOrderCancelledBeforeItWasConfirmedSendsNothing() {
        String orderId = UUID.randomUUID().toString();
        long before = sim.lastSeq();
        UUID event = send(OrderEvents.ORDER_CANCELLED, orderId, 2, new OrderCancelled(orderId, "never confirmed", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from tsh_inbox where event_id = ?", event) == 1
                        && db.count("select count(*) from sync_task where erp_id = ?", orderId) == 0);
        assertTrue(sim.calls(before).stream().noneMatch(c -> c.path().contains("salesorders")));
        assertEquals(null, zohoId("order", orderId));
    }

    @Test
    void aRefusedRecordIsStoredWithZohosCodeAndDoesNotHoldUpOthers() {
        long taken = nextId();
        long clash = nextId();
        long other = nextId();
        // two clients with one name: Zoho refuses the second contact (names are unique in Books)
        send(ClientEvents.CLIENT_UPSERTED, String.valueOf(taken), 1, client(taken, ClientType.WHOLESALE, true));
        awaitPushed("client", String.valueOf(taken));
        var sameName = client(clash, ClientType.WHOLESALE, true);
        sameName = new com.tsh.erp.events.clients.ClientUpserted(clash, "Client " + taken, sameName.nameAr(), sameName.clientType(),
                sameName.phone(), sameName.email(), sameName.address(), sameName.city(), sameName.region(), null, sameName.creditLimit(),
                true, null, sameName.createdAt(), sameName.updatedAt());
        send(ClientEvents.CLIENT_UPSERTED, String.valueOf(clash), 1, sameName);
        send(ClientEvents.CLIENT_UPSERTED, String.valueOf(other), 1, client(other, ClientType.RETAIL, true));
        awaitPushed("client", String.valueOf(other));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                db.count("select count(*) from sync_task where erp_id = ? and status = 'FAILED'", String.valueOf(clash)) == 1);
        assertEquals("3062", db.text("select last_error_code from sync_task where erp_id = ?", String.valueOf(clash)));
        assertNotNull(db.text("select last_error_message from sync_task where erp_id = ?", String.valueOf(clash)));

        // the fix: a new name in the ERP is a newer change, which is tried again
        var fixed = new com.tsh.erp.events.clients.ClientUpserted(clash, "Client " + clash, sameName.nameAr(), sameName.clientType(),
                sameName.phone(), sameName.email(), sameName.address(), sameName.city(), sameName.region(), null, sameName.creditLimit(),
                true, null, sameName.createdAt(), Instant.now());
        send(ClientEvents.CLIENT_UPSERTED, String.valueOf(clash), 2, fixed);
        awaitPushed("client", String.valueOf(clash));
        assertEquals("Client " + clash, only(sim.records("contacts", "contact_id", zohoId("client", clash))).path("contact_name").asText());
    }

    @Test
    void ordersGoBeforeProductAndClientChangesThatWaitWithThem() {
        long clientId = nextId();
        long product = nextId();
        send(ClientEvents.CLIENT_UPSERTED, String.valueOf(clientId), 1, client(clientId, ClientType.WHOLESALE, true));
        send(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(product), 1, product(product, "SKU-" + product, "10.00", true));
        awaitPushed("product", String.valueOf(product));
        awaitPushed("client", String.valueOf(clientId));
        workers.pause();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> workers.busy() == 0);
            List<String> waiting = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long id = nextId();
                waiting.add(String.valueOf(id));
                send(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(id), 1, product(id, "Q-" + id, "2.00", true));
            }
            String orderId = UUID.randomUUID().toString();
            String number = "SO-2026-" + (orderId.hashCode() & 0xfffff);
            send(OrderEvents.ORDER_CONFIRMED, orderId, 3, order(orderId, number, clientId, product));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    db.count("select count(*) from sync_task where erp_id = any(?::text[]) or erp_id = ?", waiting.toArray(String[]::new), orderId) == 21);
            long before = sim.lastSeq();
            workers.resume();
            awaitPushed("order", orderId);
            List<ZohoSim.Call> calls = sim.calls(before).stream().filter(c -> !c.path().startsWith("/oauth/")).toList();
            int salesOrder = java.util.stream.IntStream.range(0, calls.size())
                    .filter(i -> calls.get(i).method().equals("POST") && calls.get(i).path().equals("/books/v3/salesorders")).findFirst().orElse(-1);
            // by arrival it would be the 21st; claimed first (priority), it is among the four workers' first calls, or their
            // second when the order's own lookups made its worker the slowest of the round
            assertTrue(salesOrder >= 0 && salesOrder < 8, "the order went out before 20 product changes queued earlier: call "
                    + salesOrder + " of " + calls.size());
        } finally {
            workers.resume();
        }
    }

    @Test
    void aProductWithoutCostPriceOrDescriptionIsStillAnItemZohoTakes() {
        long id = nextId();
        String sku = "N-" + id;
        ProductUpserted full = product(id, sku, "3.25", true);
        ProductUpserted bare = new ProductUpserted(id, sku, full.name(), full.nameAr(), null, null, null, full.unit(), full.retailPrice(),
                full.wholesalePrice(), null, 0, 0, 0, 1, 0, true, List.of(), null, full.createdAt(), full.updatedAt());
        send(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(id), 0, bare);
        awaitPushed("product", String.valueOf(id));
        JsonNode item = only(sim.records("items", "sku", sku));
        assertEquals(new BigDecimal("3.25"), item.path("rate").decimalValue().setScale(2));
        assertTrue(item.path("purchase_rate").isMissingNode() || item.path("purchase_rate").isNull()
                || item.path("purchase_rate").decimalValue().signum() == 0, "no cost price sent: " + item);
    }
}
