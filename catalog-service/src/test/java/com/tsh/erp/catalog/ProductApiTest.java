package com.tsh.erp.catalog;

import static com.tsh.erp.catalog.Catalog.createProduct;
import static com.tsh.erp.catalog.Catalog.productBody;
import static com.tsh.erp.catalog.Catalog.uniqueSku;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.testing.OpenApiContract;
import com.tsh.erp.testing.TopicProbe;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.Topics;
import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.catalog.ProductUpserted;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProductApiTest extends CatalogTestBase {

    private static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void setUp() {
    }

    @Test
    void aCreatedProductCanBeReadBackAndIsPublishedWhole() {
        String sku = uniqueSku("CBL");
        Map<String, Object> body = productBody(sku, "USB-C cable 1 m", "كابل يو إس بي سي");
        body.put("stock_on_hand", 12);
        JsonPath created = createProduct(body);
        long id = created.getLong("id");
        assertEquals(12, created.getInt("available"));

        given().get("/products/" + id).then().statusCode(200)
                .body("sku", equalTo(sku)).body("name_ar", equalTo("كابل يو إس بي سي"))
                .body("retail_price", equalTo(7500.00f)).body("cost_price", equalTo(4250.50f))
                .body("stock_on_hand", equalTo(12)).body("version", equalTo(0));
        given().get("/products/by-sku/" + sku.toLowerCase()).then().statusCode(200).body("id", equalTo((int) id));
        given().get("/products/99999999").then().statusCode(404).contentType(PROBLEM);

        given().queryParam("q", sku).get("/products").then().statusCode(200)
                .body("items[0].id", equalTo((int) id))
                .body("items[0]", not(hasKey("description")))
                .body("items[0]", not(hasKey("cost_price")))
                .body("items[0].image_url", equalTo("https://cdn.example/" + sku + ".jpg"));

        try (TopicProbe probe = run.probe(Topics.CATALOG_PRODUCTS)) {
            // keyed by product id; the SKU tells this run's product from an earlier run's on a long-lived broker
            var records = probe.pollUntil(r -> r.stream().anyMatch(x -> x.value().contains(sku)), Duration.ofSeconds(30));
            var event = records.stream().filter(x -> x.key().equals(String.valueOf(id)) && x.value().contains(sku))
                    .findFirst().orElseThrow();
            ProductUpserted p = EventJson.payload(EventJson.read(event.value()), CatalogEvents.PRODUCT_UPSERTED).payload();
            assertEquals(sku, p.sku());
            assertEquals(12, p.stockOnHand());
            assertEquals("كابل يو إس بي سي", p.nameAr());
        }
    }

    @Test
    void anUpdateNeedsTheCurrentVersion() {
        long id = createProduct(productBody(uniqueSku("UPD"), "Charger", "شاحن")).getLong("id");
        Map<String, Object> update = productBody(uniqueSku("UPD"), "Charger 20 W", "شاحن ٢٠ واط");
        update.remove("stock_on_hand");
        update.put("version", 0);
        given().contentType(ContentType.JSON).body(update).put("/products/" + id).then().statusCode(200)
                .body("name", equalTo("Charger 20 W")).body("version", equalTo(1));

        update.put("name", "Stale write");
        given().contentType(ContentType.JSON).body(update).put("/products/" + id).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://tsh-erp.example/problems/stale-version"));
        given().get("/products/" + id).then().body("name", equalTo("Charger 20 W"));
    }

    @Test
    void aDuplicateSkuIsA409AndWritesNothing() {
        String sku = uniqueSku("DUP");
        createProduct(productBody(sku, "Mouse", "فأرة"));
        long before = db.count("select count(*) from product");
        given().contentType(ContentType.JSON).body(productBody(sku.toLowerCase(), "Other mouse", "فأرة أخرى"))
                .post("/products").then().statusCode(409).contentType(PROBLEM)
                .body("errors[0].field", equalTo("sku"));
        assertEquals(before, db.count("select count(*) from product"));
        assertEquals(0, db.count("select count(*) from tsh_outbox where envelope::text like ?", "%Other mouse%"),
                "no event for the refused product");
    }

    @Test
    void anUnknownCategoryIsA422AndWritesNothing() {
        long before = db.count("select count(*) from product");
        Map<String, Object> body = productBody(uniqueSku("CAT"), "Keyboard", "لوحة مفاتيح");
        body.put("category_id", 987654321);
        given().contentType(ContentType.JSON).body(body).post("/products").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("category_id"));
        assertEquals(before, db.count("select count(*) from product"));
    }

    @Test
    void badFieldsAreNamedAndWriteNothing() {
        long before = db.count("select count(*) from product");
        Map<String, Object> unknown = productBody(uniqueSku("BAD"), "Cable", "كابل");
        unknown.put("colour", "red");
        given().contentType(ContentType.JSON).body(unknown).post("/products").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("colour"));

        Map<String, Object> invalid = productBody("", "Cable", " ");
        invalid.put("retail_price", -1);
        invalid.put("wholesale_price", 10.555);
        invalid.put("image_urls", List.of("not-a-url"));
        given().contentType(ContentType.JSON).body(invalid).post("/products").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", org.hamcrest.Matchers.hasItems("sku", "name_ar", "retail_price", "wholesale_price", "image_urls[0]"));

        given().contentType(ContentType.JSON).body("{\"sku\": \"X-1\", \"retail_price\": \"cheap\"}").post("/products")
                .then().statusCode(400).body("errors[0].field", equalTo("retail_price"));
        assertEquals(before, db.count("select count(*) from product"));
    }

    @Test
    void listParametersAreChecked() {
        given().queryParam("per_page", 101).get("/products").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("per_page"));
        given().queryParam("page", 0).get("/products").then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().queryParam("sort", "colour").get("/products").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        given().queryParam("min_price", 10).queryParam("max_price", 5).get("/products").then().statusCode(400)
                .body("errors[0].field", equalTo("min_price"));
        given().queryParam("in_stock", "maybe").get("/products").then().statusCode(400);
    }

    @Test
    void batchByIdsKeepsTheOrderAskedAndNamesUnknownIds() {
        long a = Catalog.product("Batch A", "دفعة أ", 1);
        long b = Catalog.product("Batch B", "دفعة ب", 1);
        given().queryParam("ids", b + "," + a + ",999999999," + b).get("/products").then().statusCode(200)
                .body("items.id", contains((int) b, (int) a)).body("missing", contains(999999999));
        String tooMany = LongStream.rangeClosed(1, 101).mapToObj(Long::toString).collect(Collectors.joining(","));
        given().queryParam("ids", tooMany).get("/products").then().statusCode(400).body("errors[0].field", equalTo("ids"));
        given().queryParam("ids", "1,x").get("/products").then().statusCode(400).body("errors[0].field", equalTo("ids"));
    }

    @Test
    void filtersCoverSubCategoriesStockAndPrice() {
        long root = Catalog.category("Phones " + uniqueSku("c"), "هواتف", null);
        long child = Catalog.category("Cases", "أغطية", root);
        long other = Catalog.category("Tools", "أدوات", null);
        Map<String, Object> inChild = productBody(uniqueSku("F"), "Case blue", "غطاء أزرق");
        inChild.put("category_id", child);
        inChild.put("stock_on_hand", 3);
        inChild.put("retail_price", 1000);
        long caseId = createProduct(inChild).getLong("id");
        Map<String, Object> inRoot = productBody(uniqueSku("F"), "Phone X", "هاتف إكس");
        inRoot.put("category_id", root);
        inRoot.put("retail_price", 250000);
        long phoneId = createProduct(inRoot).getLong("id");
        Map<String, Object> elsewhere = productBody(uniqueSku("F"), "Screwdriver", "مفك");
        elsewhere.put("category_id", other);
        createProduct(elsewhere);

        given().queryParam("category_id", root).get("/products").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.containsInAnyOrder((int) caseId, (int) phoneId));
        given().queryParam("category_id", root).queryParam("in_stock", true).get("/products").then()
                .body("items.id", contains((int) caseId));
        given().queryParam("category_id", root).queryParam("sort", "-price").get("/products").then()
                .body("items.id", contains((int) phoneId, (int) caseId));
        given().queryParam("category_id", root).queryParam("max_price", 5000).get("/products").then()
                .body("items.id", contains((int) caseId));
        given().queryParam("category_id", 123456789).get("/products").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void pagesSayWhetherMoreFollow() {
        long cat = Catalog.category("Paged " + uniqueSku("p"), "صفحات", null);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = productBody(uniqueSku("P"), "Paged " + i, "صفحة " + i);
            body.put("category_id", cat);
            createProduct(body);
        }
        given().queryParam("category_id", cat).queryParam("per_page", 2).get("/products").then()
                .body("items.size()", equalTo(2)).body("has_more", equalTo(true)).body("per_page", equalTo(2));
        given().queryParam("category_id", cat).queryParam("per_page", 2).queryParam("page", 2).get("/products").then()
                .body("items.size()", equalTo(1)).body("has_more", equalTo(false));
    }

    @Test
    void cachedListPagesShowChangesAndLiveStockAtOnce() {
        String sku = uniqueSku("CACHE");
        Map<String, Object> body = productBody(sku, "Cached item", "سلعة مخزنة");
        body.put("stock_on_hand", 4);
        long id = createProduct(body).getLong("id");
        given().queryParam("q", sku).get("/products").then().body("items[0].available", equalTo(4));
        given().queryParam("q", sku).get("/products").then().body("items[0].available", equalTo(4)); // from the cache

        given().contentType(ContentType.JSON).body(Map.of("quantity_delta", -3, "reason", "sold at the counter"))
                .post("/products/" + id + "/stock-adjustments").then().statusCode(201);
        given().queryParam("q", sku).get("/products").then().body("items[0].available", equalTo(1));

        Map<String, Object> update = productBody(sku, "Renamed item", "سلعة معدلة");
        update.remove("stock_on_hand");
        update.put("version", 0);
        given().contentType(ContentType.JSON).body(update).put("/products/" + id).then().statusCode(200);
        given().queryParam("q", sku).get("/products").then().body("items[0].name", equalTo("Renamed item"));
    }

    @Test
    void aDeactivatedProductLeavesTheDefaultList() {
        String sku = uniqueSku("OFF");
        long id = createProduct(productBody(sku, "Old model", "طراز قديم")).getLong("id");
        given().post("/products/" + id + "/deactivate").then().statusCode(200).body("active", equalTo(false));
        given().queryParam("q", sku).get("/products").then().body("items.size()", equalTo(0));
        given().queryParam("q", sku).queryParam("active", false).get("/products").then().body("items.id", hasItem((int) id));
        given().get("/products/" + id).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void stockAdjustmentsAreLedgeredAndNeverGoBelowReserved() {
        long id = Catalog.product("Adjusted", "معدل", 10);
        given().contentType(ContentType.JSON).body(Map.of("quantity_delta", 5, "reason", "delivery from supplier"))
                .header("Idempotency-Key", "grn-1001-" + id)
                .post("/products/" + id + "/stock-adjustments").then().statusCode(201)
                .body("stock_on_hand", equalTo(15)).body("available", equalTo(15));
        // the same request again (a retry on a bad network) changes nothing
        given().contentType(ContentType.JSON).body(Map.of("quantity_delta", 5, "reason", "delivery from supplier"))
                .header("Idempotency-Key", "grn-1001-" + id)
                .post("/products/" + id + "/stock-adjustments").then().statusCode(201).body("stock_on_hand", equalTo(15));

        long ledgerRows = db.count("select count(*) from stock_ledger where product_id = ?", id);
        given().contentType(ContentType.JSON).body(Map.of("quantity_delta", -16, "reason", "counted short"))
                .post("/products/" + id + "/stock-adjustments").then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("quantity_delta"));
        given().contentType(ContentType.JSON).body(Map.of("quantity_delta", 0, "reason", "nothing"))
                .post("/products/" + id + "/stock-adjustments").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("quantity_delta", 1))
                .post("/products/" + id + "/stock-adjustments").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        assertEquals(ledgerRows, db.count("select count(*) from stock_ledger where product_id = ?", id));

        given().queryParam("per_page", 1).get("/products/" + id + "/stock-ledger").then().statusCode(200)
                .body("items[0].on_hand_delta", equalTo(5)).body("items[0].note", equalTo("delivery from supplier"))
                .body("has_more", equalTo(true));
        assertEquals(15, db.count("select sum(on_hand_delta) from stock_ledger where product_id = ?", id));
        given().get("/products/424242424/stock-ledger").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("quantity_delta", 1, "reason", "found one"))
                .post("/products/424242424/stock-adjustments").then().statusCode(404).contentType(PROBLEM);
        assertTrue(db.count("select count(*) from tsh_outbox where event_type = 'StockChanged' and message_key = ?", String.valueOf(id)) >= 2);
    }

    /** The document at /q/openapi is what app developers generate clients from: it must name what is on the wire. */
    @Test
    void theDocumentDescribesTheWire() {
        assertTrue(RestAssured.filters().contains(OpenApiContract.FILTER), "every request of these tests is checked against it");
        String problem = "#/components/responses/";
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3.0."))
                .body("components.schemas.ProductDetail.properties", allOf(hasKey("name_ar"), hasKey("retail_price"),
                        hasKey("stock_on_hand"), not(hasKey("nameAr")), not(hasKey("retailPrice"))))
                .body("components.schemas.ProductDetail.required", hasItems("id", "name_ar", "retail_price", "category_id"))
                .body("components.schemas.ProductDetail.properties.category_id.nullable", equalTo(true))
                .body("components.schemas.ProductDetail.properties.id.format", equalTo("int64"))
                .body("components.schemas.ProductDetail.properties.retail_price.type", equalTo("number"))
                .body("components.schemas.Instant.format", equalTo("date-time"))
                .body("components.schemas.CreateProduct.required", contains("sku", "name", "name_ar", "retail_price", "wholesale_price"))
                .body("components.schemas.CreateProduct.additionalProperties", equalTo(false))
                .body("components.schemas.CreateProduct.properties.sku.pattern", equalTo("^(?:[A-Za-z0-9][A-Za-z0-9._/-]*)$"))
                .body("components.schemas.LedgerEntry.properties.reason.enum", hasItems("ADJUSTMENT", "RESERVATION", "IMPORT"))
                .body("paths.'/products/{id}/stock-ledger'.get.parameters.find { it.name == 'page' }.schema.maximum", equalTo(100000))
                .body("paths.'/products/{id}/stock-ledger'.get.parameters.find { it.name == 'per_page' }.schema.default", equalTo(25))
                .body("paths.'/products'.get.parameters.name", hasItems("category_id", "in_stock", "min_price", "per_page"))
                .body("paths.'/products'.get.parameters.find { it.name == 'sort' }.schema.enum", contains("relevance", "name", "newest", "price", "-price"))
                .body("paths.'/products'.get.parameters.find { it.name == 'in_stock' }.schema.type", equalTo("boolean"))
                .body("paths.'/products'.post.responses.'201'.headers", hasKey("Location"))
                .body("paths.'/products'.post.responses.'409'.'$ref'", equalTo(problem + "Conflict"))
                .body("paths.'/products/{id}'.put.responses.'422'.'$ref'", equalTo(problem + "Unprocessable"))
                .body("paths.'/products/{id}'.get.responses.'404'.'$ref'", equalTo(problem + "NotFound"))
                .body("paths.'/products/{id}/stock-adjustments'.post.parameters.find { it.name == 'Idempotency-Key' }.in",
                        equalTo("header"))
                .body("paths.'/products/{id}/stock-adjustments'.post.responses", allOf(hasKey("201"), hasKey("422")))
                .body("components.responses.BadRequest.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"));
    }
}
