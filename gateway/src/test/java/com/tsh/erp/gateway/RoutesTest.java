package com.tsh.erp.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The apps' routes through the gateway to the real services: forwarding (body, query, Location, request id), the
 * catalog's ETag and 304, GZIP above 1 KB, X-Process-Time, tokens refused at the gateway, and a stopped service
 * (zoho-sync-service is never started here, see {@link Services}): 503 for its routes, the rest working.
 */
@QuarkusTest
@RoutesTestStack
class RoutesTest {

    static RequestSpecification as(String token) {
        return given().header("Authorization", TestTokens.bearer(token));
    }

    static String admin() {
        return GatewayTestBase.adminToken();
    }

    static long product(String admin, String sku, String name, String nameAr) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("sku", sku);
        b.put("name", name);
        b.put("name_ar", nameAr);
        b.put("unit", "piece");
        b.put("retail_price", 1500.00);
        b.put("wholesale_price", 1000.00);
        b.put("stock_on_hand", 40);
        b.put("reorder_level", 5);
        return as(admin).contentType(ContentType.JSON).body(b).post("/api/v1/products").then().statusCode(201)
                .header("Location", startsWith("/api/v1/products/")).extract().jsonPath().getLong("id");
    }

    static String sku() {
        return "GW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void aJobStartsFollowsAndDownloadsThroughTheGatewayAtTheServiceItsIdNames() {
        String admin = admin();
        product(admin, sku(), "Export cable", "كابل تصدير");
        Response started = as(admin).contentType(ContentType.JSON).body("{\"format\":\"csv\"}").post("/api/v1/products/exports");
        started.then().statusCode(202).header("Location", startsWith("/api/v1/jobs/catalog-service-"))
                .body("state", equalTo("QUEUED"));
        String id = started.path("id");
        assertEquals("/api/v1/jobs/" + id, started.header("Location"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> "SUCCEEDED".equals(as(admin).get("/api/v1/jobs/" + id).then().statusCode(200).extract().path("state")));
        as(admin).get("/api/v1/jobs/" + id).then().body("result.url", equalTo("/api/v1/jobs/" + id + "/result"))
                .body("result.content_type", equalTo("text/csv; charset=UTF-8"));
        Response file = as(admin).get("/api/v1/jobs/" + id + "/result");
        file.then().statusCode(200).contentType("text/csv; charset=UTF-8")
                .header("Content-Disposition", startsWith("attachment; filename=\"products-"));
        assertTrue(file.asString().contains("كابل تصدير"), "the file came through whole");
        as(admin).post("/api/v1/jobs/" + id + "/cancel").then().statusCode(409).contentType("application/problem+json");

        // an upload goes through as sent (multipart, its boundary and bytes): a products import of one new product
        String imported = sku();
        Response upload = as(admin).multiPart("file", "products.csv", ("\uFEFFsku;name;name_ar;retail_price;wholesale_price\r\n"
                + imported + ";Imported cable;كابل مستورد;1500;1200\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "text/csv").post("/api/v1/products/imports");
        upload.then().statusCode(202).header("Location", startsWith("/api/v1/jobs/catalog-service-"));
        String importId = upload.path("id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> "SUCCEEDED".equals(as(admin).get("/api/v1/jobs/" + importId).then().statusCode(200).extract().path("state")));
        as(admin).get("/api/v1/jobs/" + importId).then().body("counts.created", equalTo(1));
        as(admin).get("/api/v1/products/by-sku/" + imported).then().statusCode(200).body("name_ar", equalTo("كابل مستورد"));

        // a client-service job: its id's prefix sends the follow-up calls there
        Response clients = as(admin).contentType(ContentType.JSON).body("{\"format\":\"xlsx\"}").post("/api/v1/clients/exports");
        clients.then().statusCode(202).header("Location", startsWith("/api/v1/jobs/client-service-"));
        String clientsId = clients.path("id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> "SUCCEEDED".equals(as(admin).get("/api/v1/jobs/" + clientsId).then().statusCode(200).extract().path("state")));
        as(admin).get("/api/v1/jobs/" + clientsId + "/result").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        // an id no service holds, and one that is not an id
        as(admin).get("/api/v1/jobs/nobody-" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        as(admin).get("/api/v1/jobs/NOT_AN_ID").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aCatalogReadGoesThroughWithItsETagAnd304UntilTheProductChanges() {
        String admin = admin();
        String sku = sku();
        long id = product(admin, sku, "Gateway screen " + sku, "شاشة " + sku);

        Response first = as(admin).header("X-Request-Id", "routes-test-" + sku).get("/api/v1/products/" + id);
        first.then().statusCode(200).body("sku", equalTo(sku)).header("X-Request-Id", equalTo("routes-test-" + sku))
                .header("X-Process-Time", matchesPattern("\\d+\\.\\d{4}"));
        String etag = first.header("ETag");
        assertTrue(etag != null && etag.startsWith("W/\""), "a weak ETag: " + etag);

        as(admin).header("If-None-Match", etag).get("/api/v1/products/" + id).then().statusCode(304).header("ETag", equalTo(etag));
        // a list of tags, one of them ours, and the strong form of ours both match (weak comparison)
        as(admin).header("If-None-Match", "\"other\", " + etag.substring(2)).get("/api/v1/products/" + id).then().statusCode(304);

        Map<String, Object> change = new LinkedHashMap<>(first.jsonPath().getMap(""));
        change.keySet().retainAll(java.util.Set.of("sku", "name", "name_ar", "unit", "retail_price", "wholesale_price", "reorder_level",
                "category_id", "version"));
        change.put("retail_price", 1600.00);
        as(admin).contentType(ContentType.JSON).body(change).put("/api/v1/products/" + id).then().statusCode(200);
        Response changed = as(admin).header("If-None-Match", etag).get("/api/v1/products/" + id);
        changed.then().statusCode(200).body("retail_price", equalTo(1600.0f));
        assertNotEquals(etag, changed.header("ETag"));
    }

    @Test
    void answersOverOneKilobyteAreGzippedAndSmallerOnesAreNot() throws Exception {
        String admin = admin();
        for (int i = 0; i < 6; i++) {
            String sku = sku();
            product(admin, sku, "Gzip product " + sku, "منتج " + sku);
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> big = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/products?per_page=100"))
                .header("Authorization", "Bearer " + admin).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, big.statusCode());
        assertEquals("gzip", big.headers().firstValue("Content-Encoding").orElse(null));
        String unzipped = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(big.body())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(unzipped.length() > 1024 && unzipped.startsWith("{"), "a JSON page over 1 KB");

        HttpResponse<byte[]> small = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/products/987654321"))
                .header("Authorization", "Bearer " + admin).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(404, small.statusCode());
        assertTrue(small.body().length < 1024);
        assertNotEquals("gzip", small.headers().firstValue("Content-Encoding").orElse("none"));
        assertTrue(new String(small.body(), java.nio.charset.StandardCharsets.UTF_8).contains("\"status\":404"));
    }

    static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    @Test
    void aStoppedServiceIs503ForItsRoutesWhileTheOthersWorkAndItsRoutesComeBackWithIt() {
        String admin = admin();
        as(admin).get("/api/v1/sync/status").then().statusCode(200);
        as(admin).get("/api/v1/dashboard").then().statusCode(200).body("unavailable", equalTo(java.util.List.of()))
                .body("zoho.failed", equalTo(0)).body("today.date", notNullValue()).body("out_of_stock.products", notNullValue());
        Services.zohoSync.stop();
        try {
            Response down = as(admin).get("/api/v1/sync/status");
            down.then().statusCode(503).contentType("application/problem+json").body("type", containsString("service-unavailable"))
                    .body("detail", containsString("zoho-sync")).header("Retry-After", notNullValue());
            // after enough failures the breaker opens: the same 503, no longer waiting for a connection
            String detail = null;
            for (int i = 0; i < 40 && (detail == null || !detail.contains("paused")); i++) {
                Response r = as(admin).get("/api/v1/sync/failures");
                assertEquals(503, r.statusCode());
                detail = r.jsonPath().getString("detail");
            }
            assertTrue(detail.contains("paused"), "the breaker opened: " + detail);
            as(admin).get("/api/v1/products?per_page=1").then().statusCode(200);
            as(admin).get("/api/v1/clients?per_page=1").then().statusCode(200);
            as(admin).get("/api/v1/orders?per_page=1").then().statusCode(200);
            // the dashboard answers with what it has and says which part is missing
            as(admin).get("/api/v1/dashboard").then().statusCode(200).body("unavailable", equalTo(java.util.List.of("zoho")))
                    .body("zoho", equalTo(null)).body("today.orders", notNullValue());
        } finally {
            Services.zohoSync.start();
        }
        // the breaker lets a trial call through after its delay, and closes on its success
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> as(admin).get("/api/v1/sync/status").statusCode() == 200);
    }

    @Test
    void badTokensAreRefusedAtTheGatewayBeforeAnyService() {
        given().get("/api/v1/products").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        for (Map.Entry<String, String> bad : TestTokens.bad().entrySet()) {
            Response r = as(bad.getValue()).get("/api/v1/products");
            assertEquals(401, r.statusCode(), bad.getKey() + ": " + r.asString());
            assertTrue(r.contentType().startsWith("application/problem+json"), bad.getKey());
        }
    }

    @Test
    void aRouteTheGatewayDoesNotKnowIs404AndAKnownPathWithAnotherMethodIs405() {
        String admin = admin();
        as(admin).get("/api/v1/products/1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        as(admin).delete("/api/v1/products/1").then().statusCode(405);
        // a segment that would climb out of its place once decoded is refused before any service sees it
        as(admin).urlEncodingEnabled(false).get("/api/v1/products/..%2Fq%2Fmetrics").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("path"));
    }

    @Test
    void aCreateAnswersWithTheGatewaysLocationAndAnInvalidBodyWithTheServicesProblem() {
        String admin = admin();
        String sku = sku();
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", "Category " + sku);
        b.put("name_ar", "فئة " + sku);
        String location = as(admin).contentType(ContentType.JSON).body(b).post("/api/v1/categories").then().statusCode(201)
                .extract().header("Location");
        assertTrue(location.startsWith("/api/v1/categories/"), location);
        as(admin).contentType(ContentType.JSON).body("{\"name\": 5}").post("/api/v1/categories").then().statusCode(400)
                .contentType("application/problem+json").body("errors", not(equalTo(null)));
        // catalog reads carry an ETag; other services' reads do not (their figures change without the bytes telling)
        as(admin).get("/api/v1/categories").then().statusCode(200).header("ETag", startsWith("W/"));
        assertNull(as(admin).get("/api/v1/clients?per_page=1").header("ETag"));
    }
}
