package com.tsh.erp.catalog;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data through the real API ("object mothers"): each call makes a fresh, uniquely named thing. */
public final class Catalog {

    private Catalog() {
    }

    public static String uniqueSku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static Map<String, Object> productBody(String sku, String name, String nameAr) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("name", name);
        body.put("name_ar", nameAr);
        body.put("unit", "piece");
        body.put("retail_price", 7500.00);
        body.put("wholesale_price", 6000.00);
        body.put("cost_price", 4250.50);
        body.put("stock_on_hand", 0);
        body.put("reorder_level", 5);
        body.put("image_urls", List.of("https://cdn.example/" + sku + ".jpg"));
        return body;
    }

    public static JsonPath createProduct(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/products")
                .then().statusCode(201).extract().jsonPath();
    }

    public static long product(String name, String nameAr, int stock) {
        Map<String, Object> body = productBody(uniqueSku("TST"), name, nameAr);
        body.put("stock_on_hand", stock);
        return createProduct(body).getLong("id");
    }

    public static long category(String name, String nameAr, Long parentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("name_ar", nameAr);
        body.put("parent_id", parentId);
        return given().contentType(ContentType.JSON).body(body).post("/categories")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
