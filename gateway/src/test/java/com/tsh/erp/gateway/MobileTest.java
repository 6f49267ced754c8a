package com.tsh.erp.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The phone lists: at most 50 a page, the list fields only, has_more, and the caller's own clients only. */
@QuarkusTest
@RoutesTestStack
class MobileTest {

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static long salesperson(String admin, String tag) {
        Map<String, Object> sp = new LinkedHashMap<>();
        sp.put("name", "Mobile seller " + tag);
        sp.put("name_ar", "مندوب " + tag);
        sp.put("phone", "0772" + String.format("%07d", Math.abs(tag.hashCode()) % 10_000_000));
        sp.put("kind", "INTERNAL");
        sp.put("region", "North");
        sp.put("commission_rate", 1.5);
        return as(admin).body(sp).post("/api/v1/salespeople").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long client(String admin, String tag, long salesperson) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", "Mobile shop " + tag);
        c.put("name_ar", "محل " + tag);
        c.put("client_type", "RETAIL");
        c.put("phone", "0773" + String.format("%07d", Math.abs(tag.hashCode()) % 10_000_000));
        c.put("city", "Erbil");
        c.put("region", "North");
        c.put("salesperson_id", salesperson);
        return as(admin).body(c).post("/api/v1/clients").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void aSalespersonsPhoneListsOnlyTheirClientsWithTheListFields() {
        String admin = GatewayTestBase.adminToken();
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long mine = salesperson(admin, "a" + tag);
        long theirs = salesperson(admin, "b" + tag);
        long own = client(admin, "a" + tag, mine);
        long other = client(admin, "b" + tag, theirs);
        String user = "mobile." + tag;
        as(admin).body(GatewayTestBase.newUser(user, "pass-" + tag + "-long", List.of("SALESPERSON"), mine, null)).post("/api/v1/users")
                .then().statusCode(201);
        String seller = GatewayTestBase.accessToken(user, "pass-" + tag + "-long");

        JsonPath page = as(seller).get("/mobile/v1/clients").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of((int) own), page.getList("items.id"));
        assertEquals(Map.of("id", (int) own, "name", "Mobile shop a" + tag, "name_ar", "محل a" + tag, "client_type", "RETAIL",
                "phone", page.getString("items[0].phone"), "city", "Erbil"), page.getMap("items[0]"));
        assertEquals(false, page.getBoolean("has_more"));
        as(admin).queryParam("q", "Mobile shop").queryParam("per_page", 50).get("/mobile/v1/clients").then().statusCode(200)
                .body("items.id", hasItem((int) other));
        as(seller).queryParam("q", "Mobile shop b" + tag).get("/mobile/v1/clients").then().statusCode(200)
                .body("items.id", not(hasItem((int) other)));
    }

    @Test
    void pagesHoldAtMostFiftyAndSayWhetherMoreFollow() {
        String admin = GatewayTestBase.adminToken();
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("sku", "MOB-" + tag + "-" + i);
            b.put("name", "Mobile cable " + tag + " " + i);
            b.put("name_ar", "كيبل " + tag + " " + i);
            b.put("unit", "piece");
            b.put("retail_price", 10.00);
            b.put("wholesale_price", 8.00);
            b.put("stock_on_hand", 5);
            b.put("reorder_level", 1);
            as(admin).body(b).post("/api/v1/products").then().statusCode(201);
        }
        as(admin).queryParam("per_page", 51).get("/mobile/v1/products").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("per_page"));
        JsonPath first = as(admin).queryParam("q", "MOB-" + tag).queryParam("per_page", 2).get("/mobile/v1/products").then()
                .statusCode(200).body("per_page", equalTo(2)).extract().jsonPath();
        assertEquals(2, first.getList("items").size());
        assertTrue(first.getBoolean("has_more"));
        assertEquals(java.util.Set.of("id", "sku", "name", "name_ar", "retail_price", "wholesale_price", "available", "image_url"),
                first.getMap("items[0]").keySet());
        as(admin).queryParam("q", "MOB-" + tag).queryParam("per_page", 2).queryParam("page", 2).get("/mobile/v1/products").then()
                .statusCode(200).body("items.size()", equalTo(1)).body("has_more", equalTo(false));
        as(admin).queryParam("per_page", 50).get("/mobile/v1/orders").then().statusCode(200).body("has_more", equalTo(false));
    }
}
