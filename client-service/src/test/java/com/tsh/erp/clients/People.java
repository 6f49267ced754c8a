package com.tsh.erp.clients;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Test data through the real API ("object mothers"), and single figures from the database. */
public final class People {

    private People() {
    }

    /** A valid Iraqi mobile number no other test uses, written the local way (07XX...). */
    public static String localMobile() {
        return "0770" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    public static Map<String, Object> clientBody(String name, String type) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", name);
        b.put("name_ar", "عميل " + name);
        b.put("client_type", type);
        b.put("phone", localMobile());
        b.put("email", name.toLowerCase().replaceAll("[^a-z0-9]", "") + "@clients.example");
        b.put("city", "Baghdad");
        b.put("region", "Central");
        if ("WHOLESALE".equals(type)) {
            b.put("credit_limit", 1000000.00);
        }
        return b;
    }

    public static long client(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/clients").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    public static long wholesale(String name, double creditLimit) {
        Map<String, Object> b = clientBody(name, "WHOLESALE");
        b.put("credit_limit", creditLimit);
        return client(b);
    }

    public static long salesperson(String name, String region) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", name);
        b.put("name_ar", "مندوب " + name);
        b.put("phone", localMobile());
        b.put("kind", "TRAVEL");
        b.put("region", region);
        b.put("commission_rate", 2.5);
        return given().contentType(ContentType.JSON).body(b).post("/salespeople").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

}
