package com.tsh.erp.zohosim;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ItemsTest extends SimTestBase {

    @Test
    void createGetUpdateListAndStatus() {
        Response created = json(Map.of("name", "Babil Rice 1 kg", "sku", "RICE-1", "rate", 1500, "purchase_rate", 1200,
                "unit", "pcs", "custom_fields", List.of(Map.of("customfield_id", 46000000000101L, "value", "رز بابل ١ كغ"))))
                .post("/inventory/v1/items");
        created.then().statusCode(200).body("code", equalTo(0)).body("message", equalTo("The item has been added."))
                .body("item.status", equalTo("active")).body("item.sku", equalTo("RICE-1"))
                .body("item.custom_fields[0].value", equalTo("رز بابل ١ كغ"));
        conforms(Op.ITEM_CREATE, "/items", created);
        long id = created.jsonPath().getLong("item.item_id");
        assertTrue(id >= Store.FIRST_ID);
        // an integer in the document, so a JSON number
        assertTrue(created.asString().contains("\"item_id\":" + id));

        Response got = api().get("/inventory/v1/items/" + id);
        got.then().statusCode(200).body("item.name", equalTo("Babil Rice 1 kg")).body("item.rate", equalTo(1500));
        conforms(Op.ITEM_GET, "/items/" + id, got);

        Response updated = json(Map.of("name", "Babil Rice 1 kg (new)", "rate", 1750,
                "custom_fields", List.of(Map.of("customfield_id", 46000000000102L, "value", "42"))))
                .put("/inventory/v1/items/" + id);
        updated.then().statusCode(200).body("item.rate", equalTo(1750)).body("item.sku", equalTo("RICE-1"))
                .body("item.custom_fields.size()", equalTo(2));
        conforms(Op.ITEM_UPDATE, "/items/" + id, updated);

        Response inactive = api().post("/inventory/v1/items/" + id + "/inactive");
        inactive.then().statusCode(200).body("code", equalTo(0));
        conforms(Op.ITEM_INACTIVE, "/items/" + id + "/inactive", inactive);
        api().queryParam("filter_by", "Status.Active").get("/inventory/v1/items").then().body("items.size()", equalTo(0));

        Response list = api().queryParam("filter_by", "Status.Inactive").get("/inventory/v1/items");
        list.then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].status", equalTo("inactive"))
                .body("items[0].last_modified_time", startsWith("20")).body("page_context.has_more_page", equalTo(false))
                .body("page_context.per_page", equalTo(200));
        conforms(Op.ITEM_LIST, "/items", list);
        String modified = list.jsonPath().getString("items[0].last_modified_time");
        assertTrue(modified.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000"), modified);

        Response active = api().post("/inventory/v1/items/" + id + "/active");
        active.then().statusCode(200);
        conforms(Op.ITEM_ACTIVE, "/items/" + id + "/active", active);
        api().queryParam("sku", "rice-1").get("/inventory/v1/items").then().body("items.size()", equalTo(1));
        api().queryParam("search_text", "(new)").get("/inventory/v1/items").then().body("items.size()", equalTo(1));
    }

    @Test
    void aDuplicateSkuIsRefusedOnCreateAndUpdate() {
        item("Sugar", "SUG-1", 1000);
        long other = item("Salt", "SALT-1", 500);
        json(Map.of("name", "Sugar again", "sku", "sug-1")).post("/inventory/v1/items")
                .then().statusCode(400).body("code", equalTo(1001)).body("message", equalTo("Item with SKU sug-1 already exists."));
        json(Map.of("name", "Salt", "sku", "SUG-1")).put("/inventory/v1/items/" + other)
                .then().statusCode(400).body("code", equalTo(1001));
        // its own SKU is no duplicate
        json(Map.of("name", "Salt", "sku", "SALT-1")).put("/inventory/v1/items/" + other).then().statusCode(200);
        assertEquals(2, io.restassured.RestAssured.given().get("/sim/records/items/count").then().extract().jsonPath().getInt("count"));
    }

    @Test
    void aBodyTheDocumentRefusesIs400NamingTheField() {
        json(Map.of("name", "Tea", "colour", "green")).post("/inventory/v1/items")
                .then().statusCode(400).body("code", equalTo(2)).body("message", startsWith("Invalid value passed for colour: "));
        json(Map.of("name", "Tea", "rate", "cheap")).post("/inventory/v1/items")
                .then().statusCode(400).body("code", equalTo(2)).body("message", startsWith("Invalid value passed for rate: "));
        json(Map.of("sku", "TEA-1")).post("/inventory/v1/items")
                .then().statusCode(400).body("code", equalTo(2)).body("message", startsWith("Invalid value passed for name: "));
        json(Map.of("name", "Tea", "custom_fields", List.of(Map.of("customfield_id", "x", "value", "y"))))
                .post("/inventory/v1/items").then().statusCode(400)
                .body("message", startsWith("Invalid value passed for custom_fields[0].customfield_id: "));
        json(Map.of("name", "Tea", "custom_fields", List.of(Map.of("customfield_id", 1, "value", "y"))))
                .post("/inventory/v1/items").then().statusCode(400)
                .body("message", startsWith("Invalid value passed for custom_fields: "));
        api().contentType("application/json").body("{not json").post("/inventory/v1/items")
                .then().statusCode(400).body("code", equalTo(2)).body("message", startsWith("Invalid value passed for JSONString"));
        api().contentType("application/json").post("/inventory/v1/items")
                .then().statusCode(400).body("message", startsWith("Invalid value passed for JSONString"));
        assertEquals(0, io.restassured.RestAssured.given().get("/sim/records/items/count").then().extract().jsonPath().getInt("count"));
    }

    @Test
    void queryParametersAreChecked() {
        api().queryParam("per_page", 201).get("/inventory/v1/items").then().statusCode(400).body("code", equalTo(2))
                .body("message", startsWith("Invalid value passed for per_page"));
        api().queryParam("page", "first").get("/inventory/v1/items").then().statusCode(400)
                .body("message", startsWith("Invalid value passed for page"));
        api().queryParam("colour", "green").get("/inventory/v1/items").then().statusCode(400)
                .body("message", startsWith("Invalid value passed for colour"));
        api().queryParam("sort_column", "rate").get("/inventory/v1/items").then().statusCode(400);
        api().queryParam("last_modified_time", "yesterday").get("/inventory/v1/items").then().statusCode(400)
                .body("message", startsWith("Invalid value passed for last_modified_time"));
        api().queryParam("last_modified_time", "2026-11-30T10:00:00+0000").get("/inventory/v1/items").then().statusCode(200);
    }

    @Test
    void anUnknownItemIs404Code1002() {
        api().get("/inventory/v1/items/4815000000000001").then().statusCode(404).body("code", equalTo(1002))
                .body("message", equalTo("Item does not exist."));
        json(Map.of("name", "x")).put("/inventory/v1/items/123").then().statusCode(404).body("code", equalTo(1002));
        api().post("/inventory/v1/items/123/active").then().statusCode(404);
    }

    @Test
    void listsArePagedAndSorted() {
        for (int i = 1; i <= 5; i++) {
            item("Item " + (6 - i), "P-" + i, i * 100);
        }
        Response first = api().queryParam("per_page", 2).queryParam("sort_column", "name").get("/inventory/v1/items");
        first.then().statusCode(200).body("items.name", equalTo(List.of("Item 1", "Item 2")))
                .body("page_context.has_more_page", equalTo(true)).body("page_context.sort_column", equalTo("name"));
        api().queryParam("per_page", 2).queryParam("page", 3).queryParam("sort_column", "sku").queryParam("sort_order", "D")
                .get("/inventory/v1/items").then().body("items.sku", equalTo(List.of("P-1")))
                .body("page_context.has_more_page", equalTo(false));
        assertFalse(first.asString().contains("api_name"));
    }
}
