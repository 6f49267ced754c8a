package com.tsh.erp.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tsh.erp.catalog.service.StockReservations;
import com.tsh.erp.catalog.service.ZohoItemImport;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.OrderMother;
import com.tsh.erp.events.Topics;
import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.catalog.ShortReason;
import com.tsh.erp.events.catalog.StockReservationRejected;
import com.tsh.erp.events.catalog.StockReservationRejected.ShortLine;
import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.events.orders.OrderLine;
import com.tsh.erp.events.orders.OrderPlaced;
import com.tsh.erp.events.zoho.ZohoItemChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stock stays within its columns' range (at most 2,147,483,647 units a product), and what would
 * pass it is refused with the true figure, never a sum that wrapped around.
 */
@QuarkusTest
class StockRangeTest extends CatalogTestBase {

    private static final int MAX_STOCK = Integer.MAX_VALUE;

    @Inject
    ZohoItemImport zoho;
    @Inject
    StockReservations reservations;

    @AfterEach
    void figuresAlwaysEqualTheLedger() {
        assertStockFiguresEqualTheLedger();
    }

    /** A product with this much on hand, as Zoho's stock figure brings it in (the API adds at most 10,000,000 at a time). */
    private long productWithStock(int stock) {
        String sku = Catalog.uniqueSku("BULK");
        ZohoItemChanged item = new ZohoItemChanged("zoho-" + sku, sku, "Bulk " + sku, "سائب", null, new BigDecimal("1.00"),
                new BigDecimal("0.90"), new BigDecimal("0.50"), "g", "active", stock, 0, Instant.now());
        QuarkusTransaction.requiringNew().run(() -> zoho.apply(item));
        return db.count("select id from product where sku = ?", sku);
    }

    private static ValidatableResponse adjust(long product, int delta) {
        return given().contentType(ContentType.JSON).body(Map.of("quantity_delta", delta, "reason", "counted"))
                .post("/products/" + product + "/stock-adjustments").then();
    }

    /** What a refused adjustment must leave as it was: the figures, their version, the ledger and the events. */
    private String written(long product) {
        return db.text("""
                select p.stock_on_hand || '/' || p.reserved || '/' || p.stock_version || '/'
                       || (select count(*) from stock_ledger l where l.product_id = p.id) || '/'
                       || (select count(*) from tsh_outbox o where o.message_key = p.id::text and o.event_type = 'StockChanged')
                from product p where p.id = ?""", product);
    }

    @Test
    void anAdjustmentPastTheMostAProductCanHoldIsA422WithTheTrueFigureAndWritesNothing() {
        long product = productWithStock(2_140_000_000);
        String before = written(product);

        adjust(product, 10_000_000).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("quantity_delta"))
                .body("errors[0].message", allOf(containsString("would rise to 2150000000"), containsString("above 2147483647"),
                        not(containsString("-"))));
        assertEquals(before, written(product), "a refused adjustment writes nothing");

        adjust(product, MAX_STOCK - 2_140_000_000).statusCode(201).body("stock_on_hand", equalTo(MAX_STOCK))
                .body("available", equalTo(MAX_STOCK));
        before = written(product);
        adjust(product, 1).statusCode(422).body("errors[0].field", equalTo("quantity_delta"))
                .body("errors[0].message", containsString("would rise to 2147483648"));
        assertEquals(before, written(product));
        adjust(product, -10_000_000).statusCode(201).body("stock_on_hand", equalTo(MAX_STOCK - 10_000_000));
    }

    @Test
    void anOrderAskingMoreOfAProductThanAnyCanHoldIsRejectedNotReservedAsAWrappedSum() {
        long product = productWithStock(2_000_000_000);
        String sku = db.text("select sku from product where id = ?", product);
        // three lines of 2,000,000,000: an int sum wraps around to 1,705,032,704, which the stock could hold
        OrderLine line = new OrderLine(product, sku, 2_000_000_000, new BigDecimal("1.00"));
        OrderPlaced order = OrderMother.placed(77L, ClientType.WHOLESALE, List.of(line, line, line));

        QuarkusTransaction.requiringNew().run(() -> assertFalse(reservations.reserve(order, 1)));

        assertEquals(0, db.count("select reserved from product where id = ?", product));
        assertEquals(0, db.count("select count(*) from stock_reservation where order_id = ?", order.orderId()));
        List<EventEnvelope<com.fasterxml.jackson.databind.JsonNode>> answers = run.events(Topics.CATALOG_STOCK,
                List.of(order.orderId()), Set.of("StockReserved", "StockReservationRejected"), 1).get(order.orderId());
        assertEquals(1, answers.size());
        StockReservationRejected rejected = EventJson.payload(answers.get(0), CatalogEvents.STOCK_RESERVATION_REJECTED).payload();
        assertEquals(List.of(new ShortLine(product, sku, MAX_STOCK, 2_000_000_000, ShortReason.INVALID_QUANTITY)),
                rejected.shortLines(), "more than any product can hold, reported as the most an int can say");
    }

    @Test
    void theDocumentStatesTheAdjustmentsRange() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.StockAdjustment.properties.quantity_delta.minimum", equalTo(-10_000_000))
                .body("components.schemas.StockAdjustment.properties.quantity_delta.maximum", equalTo(10_000_000))
                .body("components.schemas.CreateProduct.properties.stock_on_hand.maximum", equalTo(10_000_000));
    }
}
