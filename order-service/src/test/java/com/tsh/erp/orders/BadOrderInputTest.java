package com.tsh.erp.orders;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tsh.erp.events.clients.ClientType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Every field of a new order with a wrong type, a value out of range, an unknown field, too many
 * lines, a text too long: a problem naming the field, and nothing stored (no order, no key). FuzzTest
 * does the same through the whole document, and also sends bodies past the size limit (413, over a raw
 * socket: the document does not list a refusal made before the application); these are the cases
 * named one by one.
 */
@QuarkusTest
class BadOrderInputTest extends OrdersTestBase {

    private static final String PROBLEM = "application/problem+json";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "client_id|{\"client_id\": \"7\", \"lines\": [{\"product_id\": 1, \"quantity\": 1}]}",
            "client_id|{\"client_id\": 0, \"lines\": [{\"product_id\": 1, \"quantity\": 1}]}",
            "client_id|{\"client_id\": 1.5, \"lines\": [{\"product_id\": 1, \"quantity\": 1}]}",
            "client_id|{\"lines\": [{\"product_id\": 1, \"quantity\": 1}]}",
            "lines|{\"client_id\": 7, \"lines\": []}",
            "lines|{\"client_id\": 7}",
            "lines|{\"client_id\": 7, \"lines\": {\"product_id\": 1}}",
            "lines[0].quantity|{\"client_id\": 7, \"lines\": [{\"product_id\": 1, \"quantity\": 0}]}",
            "lines[0].quantity|{\"client_id\": 7, \"lines\": [{\"product_id\": 1, \"quantity\": 10001}]}",
            "lines[0].quantity|{\"client_id\": 7, \"lines\": [{\"product_id\": 1, \"quantity\": 2.5}]}",
            "lines[0].quantity|{\"client_id\": 7, \"lines\": [{\"product_id\": 1, \"quantity\": 99999999999}]}",
            "lines[0].quantity|{\"client_id\": 7, \"lines\": [{\"product_id\": 1}]}",
            "lines[0].product_id|{\"client_id\": 7, \"lines\": [{\"product_id\": -1, \"quantity\": 1}]}",
            "lines[0].product_id|{\"client_id\": 7, \"lines\": [{\"product_id\": true, \"quantity\": 1}]}",
            "discount_percent|{\"client_id\": 7, \"discount_percent\": 100.5, \"lines\": [{\"product_id\": 1, \"quantity\": 1}]}",
            "discount_percent|{\"client_id\": 7, \"discount_percent\": -1, \"lines\": [{\"product_id\": 1, \"quantity\": 1}]}",
            "discount_percent|{\"client_id\": 7, \"discount_percent\": 1.005, \"lines\": [{\"product_id\": 1, \"quantity\": 1}]}",
            "salesperson_id|{\"client_id\": 7, \"salesperson_id\": \"x\", \"lines\": [{\"product_id\": 1, \"quantity\": 1}]}",
            "price|{\"client_id\": 7, \"price\": 1, \"lines\": [{\"product_id\": 1, \"quantity\": 1}]}",
            "lines[0].unit_price|{\"client_id\": 7, \"lines\": [{\"product_id\": 1, \"quantity\": 1, \"unit_price\": 1}]}"})
    void aBadFieldIs400NamingItAndNothingIsStored(String field, String body) {
        long before = db.count("select count(*) from sales_order");
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/orders")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", org.hamcrest.Matchers.hasItem(field));
        assertEquals(before, db.count("select count(*) from sales_order"));
        assertEquals(0, db.count("select count(*) from tsh_idempotency_key where status = 0"));
    }

    @Test
    void twoHundredLinesAreTakenAndTwoHundredAndOneAreNot() {
        long client = client(ClientType.RETAIL, null);
        // 200 products straight into the read model (how they get there is ReadModelTest's matter)
        long first = nextId();
        for (int i = 1; i < 200; i++) {
            nextId();
        }
        db.exec("""
                insert into product_view (id, sku, name, name_ar, retail_price, wholesale_price, active, version)
                select g, 'BULK-' || g, 'Bulk ' || g, 'منتج ' || g, 1.00, 1.00, true, 1 from generate_series(?::bigint, ?::bigint) g""",
                first, first + 199);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(Map.of("product_id", first + i, "quantity", 1));
        }
        String id = placed(Map.of("client_id", client, "lines", lines));
        given().get("/orders/" + id).then().body("lines.size()", equalTo(200)).body("total", equalTo(200.0f));
        lines.add(Map.of("product_id", lines.get(0).get("product_id"), "quantity", 1));
        long before = db.count("select count(*) from sales_order");
        place(UUID.randomUUID().toString(), Map.of("client_id", client, "lines", lines)).then().statusCode(400)
                .body("errors[0].field", equalTo("lines"));
        assertEquals(before, db.count("select count(*) from sales_order"));
    }

    @Test
    void aHugeNoteIs400() {
        long before = db.count("select count(*) from sales_order");
        place(UUID.randomUUID().toString(), Map.of("client_id", 7, "note", "x".repeat(1001),
                "lines", List.of(Map.of("product_id", 1, "quantity", 1)))).then().statusCode(400).body("errors[0].field", equalTo("note"));
        assertEquals(before, db.count("select count(*) from sales_order"));
    }
}
