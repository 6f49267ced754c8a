package com.tsh.erp.catalog;

import static com.tsh.erp.testing.RoleMatrix.ALL;
import static com.tsh.erp.testing.RoleMatrix.roles;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tsh.erp.testing.RoleMatrix;
import com.tsh.erp.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may call what (README, "Roles and ownership"), the tokens refused, and the actor recorded. */
@QuarkusTest
class AccessTest extends CatalogTestBase {

    @Test
    void everyRoleAgainstEveryRoute() {
        RoleMatrix.check(RoleMatrix.table(
                "GET /categories", ALL,
                "POST /categories", roles("ADMIN", "MANAGER"),
                "PUT /categories/{id}", roles("ADMIN", "MANAGER"),
                "POST /categories/{id}/deactivate", roles("ADMIN", "MANAGER"),
                "GET /products", ALL,
                "GET /products/{id}", ALL,
                "GET /products/by-sku/{sku}", ALL,
                "POST /products", roles("ADMIN", "MANAGER"),
                "PUT /products/{id}", roles("ADMIN", "MANAGER"),
                "POST /products/{id}/deactivate", roles("ADMIN", "MANAGER"),
                "POST /products/{id}/stock-adjustments", roles("ADMIN", "MANAGER", "WAREHOUSE"),
                "GET /products/{id}/stock-ledger", roles("ADMIN", "MANAGER", "ACCOUNTANT", "WAREHOUSE"),
                "POST /products/exports", roles("ADMIN", "MANAGER", "ACCOUNTANT", "WAREHOUSE"),
                "POST /products/imports", roles("ADMIN", "MANAGER"),
                "POST /products/inventory-report", roles("ADMIN", "MANAGER", "ACCOUNTANT", "WAREHOUSE"),
                "GET /jobs", ALL,
                "GET /jobs/{id}", ALL,
                "POST /jobs/{id}/cancel", ALL,
                "GET /jobs/{id}/result", ALL));
    }

    @Test
    void noTokenAndEveryBadTokenAre401() {
        given().header("Authorization", TestTokens.NONE).get("/products").then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo("https://tsh-erp.example/problems/invalid-token"))
                .header("WWW-Authenticate", "Bearer");
        for (Map.Entry<String, String> bad : TestTokens.bad().entrySet()) {
            int status = given().header("Authorization", TestTokens.bearer(bad.getValue())).get("/products").statusCode();
            assertEquals(401, status, bad.getKey());
        }
    }

    @Test
    void aChangeRecordsTheUserOfTheToken() {
        String warehouse = TestTokens.token("user-77", java.util.List.of("WAREHOUSE"), null, null);
        long id = Catalog.product("Access " + Catalog.uniqueSku("a"), "وصول", 0);
        given().header("Authorization", TestTokens.bearer(warehouse)).contentType(ContentType.JSON)
                .body(Map.of("quantity_delta", 5, "reason", "delivery"))
                .post("/products/" + id + "/stock-adjustments").then().statusCode(201);
        assertEquals("user:user-77", db.text("select actor from stock_ledger where product_id = ? order by id desc limit 1", id));
    }
}
