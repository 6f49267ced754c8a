package com.tsh.erp.catalog;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.catalog.service.StockLedger;
import com.tsh.erp.events.catalog.StockChangeReason;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.Topics;
import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.catalog.ProductUpserted;
import com.tsh.erp.events.catalog.StockChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The rule for aggregateVersion (README, Events): per aggregate and per topic, a number that only
 * grows, so that a read model's "ignore older" is always right; and an upserted event never carries
 * figures older than the moment its version committed.
 */
@QuarkusTest
class EventVersionTest extends CatalogTestBase {

    @Inject
    StockLedger ledger;

    private List<EventEnvelope<JsonNode>> events(String topic, long productId, int atLeast) {
        return run.events(topic, String.valueOf(productId), atLeast);
    }

    private static Map<String, Object> update(long version, String name) {
        Map<String, Object> body = Catalog.productBody("VER-" + version + "-" + name.hashCode(), name, "اسم");
        body.remove("stock_on_hand");
        body.put("version", version);
        return body;
    }

    @Test
    void everyTopicsVersionsGrowPerProduct() {
        long id = Catalog.product("Versions", "نسخ", 5);
        given().contentType(ContentType.JSON).body(update(0, "Versions 2")).put("/products/" + id).then().statusCode(200);
        for (int delta : new int[] {3, -2, 7}) {
            given().contentType(ContentType.JSON).body(Map.of("quantity_delta", delta, "reason", "count"))
                    .post("/products/" + id + "/stock-adjustments").then().statusCode(201);
        }
        given().contentType(ContentType.JSON).body(update(1, "Versions 3")).put("/products/" + id).then().statusCode(200);
        given().post("/products/" + id + "/deactivate").then().statusCode(200);

        List<EventEnvelope<JsonNode>> products = events(Topics.CATALOG_PRODUCTS, id, 4); // created, 2 updates, deactivated
        assertEquals(List.of("ProductUpserted", "ProductUpserted", "ProductUpserted", "ProductDeactivated"),
                products.stream().map(EventEnvelope::eventType).toList());
        assertEquals(List.of(0L, 1L, 2L, 3L), products.stream().map(EventEnvelope::aggregateVersion).toList());
        ProductUpserted last = EventJson.payload(products.get(2), CatalogEvents.PRODUCT_UPSERTED).payload();
        assertEquals(13, last.stockOnHand(), "5 + 3 - 2 + 7: the figures of the moment it committed");

        List<EventEnvelope<JsonNode>> stock = events(Topics.CATALOG_STOCK, id, 4); // initial stock and three adjustments
        assertEquals(List.of(1L, 2L, 3L, 4L), stock.stream().map(EventEnvelope::aggregateVersion).toList());
        StockChanged lastStock = EventJson.payload(stock.get(3), CatalogEvents.STOCK_CHANGED).payload();
        assertEquals(13, lastStock.stockOnHand());
        assertEquals(4, last.stockVersion(), "the upserted event names the stock version its figures are");
    }

    @Test
    void anUpdateThatWaitedForAStockChangeCarriesTheStockThatCommittedFirst() throws Exception {
        long id = Catalog.product("Interleaved", "متداخل", 10);
        CountDownLatch stockChanged = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // a stock change that has locked the row and written +5, not yet committed
        CompletableFuture<Void> adjustment = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            ledger.lock(List.of(id));
            ledger.apply(id, StockChangeReason.ADJUSTMENT, 5, 0, null, "goods received", null, "user:test");
            stockChanged.countDown();
            try {
                assertTrue(commit.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertTrue(stockChanged.await(30, TimeUnit.SECONDS));
        // meanwhile a price change comes in: it has to wait for the row
        CompletableFuture<Integer> edit = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                .body(update(0, "Interleaved 2")).put("/products/" + id).then().extract().statusCode());
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'") >= 1);
        commit.countDown();
        adjustment.get(30, TimeUnit.SECONDS);
        assertEquals(200, edit.get(30, TimeUnit.SECONDS));

        EventEnvelope<JsonNode> updated = events(Topics.CATALOG_PRODUCTS, id, 2).get(1);
        assertEquals(1, updated.aggregateVersion());
        ProductUpserted p = EventJson.payload(updated, CatalogEvents.PRODUCT_UPSERTED).payload();
        assertEquals(15, p.stockOnHand(), "the stock change committed before the edit did: its figures are in the event");
        assertEquals(2, p.stockVersion());
        given().get("/products/" + id).then().statusCode(200).body("stock_on_hand", org.hamcrest.Matchers.equalTo(15));
    }
}
