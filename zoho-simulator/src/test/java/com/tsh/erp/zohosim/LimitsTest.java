package com.tsh.erp.zohosim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LimitsTest extends SimTestBase {

    @TestHTTPResource("/")
    URI base;

    private void limits(Map<String, Object> limits) {
        given().contentType(ContentType.JSON).body(limits).put("/sim/limits").then().statusCode(200);
    }

    @Test
    void theCallAfterNInSixtySecondsIsRefusedAndNotCounted() {
        limits(Map.of("calls_per_minute", 5));
        for (int i = 0; i < 5; i++) {
            api().get("/inventory/v1/items").then().statusCode(200);
        }
        Response refused = api().get("/inventory/v1/items");
        refused.then().statusCode(429).body("code", equalTo(44))
                .body("message", equalTo("You have made too many requests continuously. Please try again after some time."));
        int retryAfter = Integer.parseInt(refused.getHeader("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        api().get("/books/v3/contacts").then().statusCode(429);
        // token calls and /sim calls are not counted, refused calls neither
        newToken();
        given().get("/sim/state").then().body("calls.last_minute", equalTo(5)).body("calls.today", equalTo(5))
                .body("limits.calls_per_minute", equalTo(5));
        var calls = given().get("/sim/calls").then().extract().jsonPath();
        assertEquals(2, calls.getList("calls.findAll { it.outcome == 'limited' }").size());
    }

    @Test
    void theDailyLimitRefusesUntilMidnightUtc() {
        limits(Map.of("calls_per_day", 3));
        for (int i = 0; i < 3; i++) {
            api().get("/inventory/v1/items").then().statusCode(200);
        }
        Response refused = api().get("/inventory/v1/items");
        refused.then().statusCode(429).body("code", equalTo(45))
                .body("message", equalTo("You have reached the maximum number of API calls allowed for your organization per day."));
        long toMidnight = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond()
                - System.currentTimeMillis() / 1000;
        long retryAfter = Long.parseLong(refused.getHeader("Retry-After"));
        assertTrue(Math.abs(retryAfter - toMidnight) <= 5, retryAfter + " vs " + toMidnight);
    }

    @Test
    void theEleventhConcurrentCallIsRefused() throws Exception {
        given().contentType(ContentType.JSON).body(Map.of("latency_ms", 1500)).put("/sim/faults").then().statusCode(200);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(base.resolve("/inventory/v1/items?organization_id=" + ORG))
                    .header("Authorization", "Zoho-oauthtoken " + token).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        int ok = 0;
        int refused = 0;
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            HttpResponse<String> r = c.get();
            if (r.statusCode() == 200) {
                ok++;
            } else {
                assertEquals(429, r.statusCode(), r.body());
                assertTrue(r.body().contains("\"code\":1070"), r.body());
                assertEquals("1", r.headers().firstValue("Retry-After").orElseThrow());
                refused++;
            }
        }
        assertTrue(refused >= 1, "no call refused");
        assertEquals(11, ok + refused);
        assertTrue(ok <= 10, ok + " answered at once");
        given().get("/sim/state").then().body("calls.in_flight", equalTo(0));
    }
}
