package com.tsh.erp.catalog;

import static com.tsh.erp.catalog.Catalog.createProduct;
import static com.tsh.erp.catalog.Catalog.productBody;
import static com.tsh.erp.catalog.Catalog.uniqueSku;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tsh.erp.testing.Concurrently;
import com.tsh.erp.testing.UncommittedRow;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * A unique key taken by a transaction that commits while the request is in flight is a 409 naming
 * the field, never a 500, however it surfaces (the service's own check cannot see a row not yet
 * committed; the database's unique index refuses the insert or the rename at flush or commit).
 */
@QuarkusTest
class UniqueKeyRaceTest extends CatalogTestBase {

    private static final String PROBLEM = "application/problem+json";
    private static final String TAKE = """
            insert into product (sku, name, name_ar, unit, retail_price, wholesale_price, search_text, zoho_item_id)
            values (?, 'taken', 'taken', 'piece', 1, 1, 'taken', ?)""";

    @Test
    void aSkuCommittedMeanwhileIs409NamingSku() throws Exception {
        String sku = uniqueSku("RACE");
        Response r = UncommittedRow.whileHeld(db, TAKE, List.of(sku, "none-" + sku),
                () -> given().contentType(ContentType.JSON).body(productBody(sku, "Race", "سباق")).post("/products"));
        r.then().statusCode(409).contentType(PROBLEM).body("errors[0].field", equalTo("sku"));
        assertEquals(1, db.count("select count(*) from product where lower(sku) = lower(?)", sku), "only the other one");
    }

    @Test
    void aZohoItemIdCommittedMeanwhileIs409NamingIt() throws Exception {
        String zohoId = "Z" + uniqueSku("RACE");
        Map<String, Object> body = productBody(uniqueSku("RACE"), "Race", "سباق");
        body.put("zoho_item_id", zohoId);
        Response r = UncommittedRow.whileHeld(db, TAKE, List.of(uniqueSku("OTHER"), zohoId),
                () -> given().contentType(ContentType.JSON).body(body).post("/products"));
        r.then().statusCode(409).contentType(PROBLEM).body("errors[0].field", equalTo("zoho_item_id"));
        assertEquals(1, db.count("select count(*) from product where zoho_item_id = ?", zohoId));
    }

    @Test
    void aRenameToASkuCommittedMeanwhileIs409AndKeepsTheOldSku() throws Exception {
        String old = uniqueSku("RACE");
        long id = createProduct(productBody(old, "Race", "سباق")).getLong("id");
        String wanted = uniqueSku("RACE");
        Map<String, Object> update = productBody(wanted, "Race", "سباق");
        update.remove("stock_on_hand");
        update.put("version", 0);
        Response r = UncommittedRow.whileHeld(db, TAKE, List.of(wanted, "none-" + wanted),
                () -> given().contentType(ContentType.JSON).body(update).put("/products/" + id));
        r.then().statusCode(409).contentType(PROBLEM).body("errors[0].field", equalTo("sku"));
        given().get("/products/" + id).then().statusCode(200).body("sku", equalTo(old)).body("version", equalTo(0));
    }

    @Test
    void twentyConcurrentCreatesWithOneSkuMakeOneProductAndNineteen409s() throws Exception {
        String sku = uniqueSku("RACE");
        List<Callable<Response>> creates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            creates.add(() -> given().contentType(ContentType.JSON).body(productBody(sku, "Race", "سباق")).post("/products"));
        }
        List<Response> answers = Concurrently.run(20, creates);
        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "one created: " + statuses);
        assertEquals(19, statuses.stream().filter(s -> s == 409).count(), "the others refused: " + statuses);
        answers.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> r.then().contentType(PROBLEM).body("errors[0].field", equalTo("sku")));
        assertEquals(1, db.count("select count(*) from product where lower(sku) = lower(?)", sku));
    }
}
