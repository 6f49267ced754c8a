package com.tsh.erp.catalog;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.testing.TopicProbe;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.Topics;
import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.zoho.ZohoEvents;
import com.tsh.erp.events.zoho.ZohoItemChanged;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ZohoImportTest extends CatalogTestBase {

    private static ZohoItemChanged item(String zohoId, String sku, String name, int stock, Instant modified) {
        return new ZohoItemChanged(zohoId, sku, name, "حقيبة صغيرة", "Small bag", new BigDecimal("6.00"),
                new BigDecimal("5.25"), new BigDecimal("4.10"), "pcs", "active", stock, 5, modified);
    }

    private void send(ZohoItemChanged item) {
        String json = EventJson.write(new EventEnvelope<>(UUID.randomUUID(), ZohoEvents.ITEM_CHANGED.name(), "ZohoItem",
                item.zohoItemId(), item.lastModifiedTime().toEpochMilli(), Instant.now(), "system:zoho-sync",
                EventEnvelope.ORIGIN_ZOHO, null, null, item));
        run.send(Topics.ZOHO_INBOUND, item.zohoItemId(), json);
    }

    @Test
    void anItemFromZohoIsCreatedThenUpdatedAndMarkedAsFromZoho() {
        String zohoId = String.valueOf(4815000000000000L + (long) (Math.random() * 1e9));
        String sku = Catalog.uniqueSku("ZH");
        Instant t1 = Instant.parse("2026-11-29T08:00:00Z");
        send(item(zohoId, sku, "Bags-small", 50, t1));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select count(*) from product where zoho_item_id = ?", zohoId) == 1);
        long id = db.count("select id from product where zoho_item_id = ?", zohoId);
        given().get("/products/" + id).then().body("sku", equalTo(sku)).body("stock_on_hand", equalTo(50))
                .body("retail_price", equalTo(6.00f)).body("wholesale_price", equalTo(5.25f)).body("name_ar", equalTo("حقيبة صغيرة"));

        // an older change arriving late is ignored; a newer one applies
        send(item(zohoId, sku, "Stale name", 1, t1.minusSeconds(60)));
        send(item(zohoId, sku, "Bags-small v2", 45, t1.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select stock_on_hand from product where id = ?", id) == 45);
        given().get("/products/" + id).then().body("name", equalTo("Bags-small v2"));
        assertEquals(1, db.count("select count(*) from stock_ledger where product_id = ? and reason = 'IMPORT' and on_hand_delta = -5", id));

        try (TopicProbe probe = run.probe(Topics.CATALOG_PRODUCTS)) {
            var records = probe.pollUntil(r -> r.stream().filter(x -> x.value().contains(zohoId)).count() >= 2,
                    Duration.ofSeconds(30));
            var mine = records.stream().filter(x -> x.key().equals(String.valueOf(id)) && x.value().contains(zohoId)).toList();
            assertEquals(2, mine.size());
            mine.forEach(r -> {
                EventEnvelope<?> e = EventJson.payload(EventJson.read(r.value()), CatalogEvents.PRODUCT_UPSERTED);
                assertTrue(e.cameFromZoho(), "a change from Zoho is marked so the sync does not push it back");
            });
        }
    }

    @Test
    void anExistingProductIsLinkedBySku() {
        String sku = Catalog.uniqueSku("LNK");
        long id = Catalog.createProduct(Catalog.productBody(sku, "Made here", "صنع هنا")).getLong("id");
        String zohoId = String.valueOf(4816000000000000L + (long) (Math.random() * 1e9));
        send(item(zohoId, sku.toLowerCase(), "Made here (Zoho)", 7, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select count(*) from product where id = ? and zoho_item_id = ?", id, zohoId) == 1);
        assertEquals(1, db.count("select count(*) from product where lower(sku) = lower(?)", sku));
    }

    @Test
    void anItemWithoutSkuGoesToTheDeadLetterTopic() {
        String zohoId = "bad-" + UUID.randomUUID();
        send(item(zohoId, null, "No sku", 1, Instant.now()));
        try (TopicProbe probe = run.probe(Topics.dlq(Topics.ZOHO_INBOUND))) {
            var records = probe.pollUntil(r -> r.stream().anyMatch(x -> zohoId.equals(x.key())), Duration.ofSeconds(30));
            var dead = records.stream().filter(x -> zohoId.equals(x.key())).findFirst().orElseThrow();
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("without item id, sku or name"), reason);
        }
    }
}
