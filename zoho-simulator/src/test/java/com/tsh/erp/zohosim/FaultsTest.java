package com.tsh.erp.zohosim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FaultsTest extends SimTestBase {

    @TestHTTPResource("/")
    URI base;

    private void faults(Map<String, Object> faults) {
        given().contentType(ContentType.JSON).body(faults).put("/sim/faults").then().statusCode(200);
    }

    private int count(String kind) {
        return given().get("/sim/records/" + kind + "/count").then().extract().jsonPath().getInt("count");
    }

    @Test
    void errorsDoNothingAndStillCount() {
        faults(Map.of("error_rate", 1.0));
        for (int i = 0; i < 3; i++) {
            json(Map.of("name", "Tea " + i)).post("/inventory/v1/items").then().statusCode(500).body("code", equalTo(500));
        }
        assertEquals(0, count("items"));
        given().get("/sim/state").then().body("calls.last_minute", equalTo(3)).body("faults.error_rate", equalTo(1.0f));
        given().delete("/sim/faults").then().statusCode(200);
        json(Map.of("name", "Tea")).post("/inventory/v1/items").then().statusCode(200);
    }

    @Test
    void throttlesAre429Code44AfterOneSecond() {
        faults(Map.of("throttle_rate", 1.0));
        json(Map.of("contact_name", "Ishtar Stores")).post("/books/v3/contacts").then().statusCode(429)
                .body("code", equalTo(44)).header("Retry-After", "1");
        assertEquals(0, count("contacts"));
        var calls = given().get("/sim/calls").then().extract().jsonPath();
        assertEquals("fault", calls.getString("calls.last().outcome"));
    }

    @Test
    void aLostAnswerLeavesTheRecordMade() throws Exception {
        faults(Map.of("lost_answer_rate", 1.0));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest create = HttpRequest.newBuilder(base.resolve("/inventory/v1/items?organization_id=" + ORG))
                .header("Authorization", "Zoho-oauthtoken " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Dates 1 kg\",\"sku\":\"DATES-1\"}")).build();
        assertThrows(IOException.class, () -> http.send(create, HttpResponse.BodyHandlers.ofString()));
        assertEquals(1, count("items"));
        // reads are never lost
        api().queryParam("sku", "DATES-1").get("/inventory/v1/items").then().statusCode(200).body("items.size()", equalTo(1));
        // the retry without a look first makes a duplicate SKU, as at Zoho
        given().delete("/sim/faults").then().statusCode(200);
        json(Map.of("name", "Dates 1 kg", "sku", "DATES-1")).post("/inventory/v1/items").then().statusCode(400)
                .body("code", equalTo(1001));
        var calls = given().get("/sim/calls").then().extract().jsonPath();
        assertEquals(1, calls.getList("calls.findAll { it.outcome == 'lost' }").size());
    }
}
