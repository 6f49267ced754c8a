package com.tsh.erp.gateway;

import static io.restassured.RestAssured.given;

import com.tsh.erp.bench.BenchmarkProfile;
import com.tsh.erp.bench.BenchmarkReport;
import com.tsh.erp.bench.WrkLoad;
import com.tsh.erp.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gateway's overhead: the same requests (a product by id, a page of 20 products) sent to catalog-service directly
 * and through the gateway (token check, role check, rate limit in Redis, forwarding, ETag), at the same concurrency,
 * one after the other; the difference of the p50s is what the gateway adds. Load from wrk; the gateway (in the test
 * JVM), catalog-service (its packaged jar), PostgreSQL, Redis, Kafka and wrk share the 2 cores. Run it with the
 * command in BENCHMARKS.md (wrk is Debian's package: apt-get install wrk).
 */
@QuarkusTest
@RoutesTestStack
@TestProfile(GatewayOverheadBenchmark.Profile.class)
class GatewayOverheadBenchmark {

    static final String COMMAND = "deploy/local/test.sh -pl gateway -Dtest=GatewayOverheadBenchmark -Dsurefire.failIfNoSpecifiedTests=false";
    static final int PRODUCTS = 200;
    static final int CONNECTIONS = 20;
    /** Light load: no queueing on the 2 cores, so the difference is the gateway's own time per request. */
    static final int LIGHT = 2;
    static final Duration WARM = Duration.ofSeconds(10);
    static final Duration RUN = Duration.ofSeconds(30);

    public static class Profile extends BenchmarkProfile {
        public Profile() {
            // the limit is counted (one Redis script per request, as in production) but never reached here
            super(Map.of("tsh.gateway.rate-limit.per-user", "100000000", "tsh.gateway.rate-limit.per-address", "100000000"));
        }
    }

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void measure() throws Exception {
        String admin = TestTokens.admin();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("sku", "OVH-" + i + "-" + System.nanoTime() % 100000);
            b.put("name", "Overhead product " + i);
            b.put("name_ar", "منتج " + i);
            b.put("unit", "piece");
            b.put("retail_price", 100.00 + i);
            b.put("wholesale_price", 80.00 + i);
            b.put("stock_on_hand", 50);
            b.put("reorder_level", 5);
            ids.add(given().header("Authorization", "Bearer " + admin).contentType(ContentType.JSON).body(b).post("/api/v1/products")
                    .then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        List<String> detail = ids.stream().map(id -> "/products/" + id).toList();
        List<String> page = List.of("/products?per_page=20", "/products?per_page=20&page=2", "/products?per_page=20&sort=price");
        String direct = Services.catalog.baseUrl();
        String through = gateway.toString().replaceAll("/$", "");

        StringBuilder rows = new StringBuilder();
        rows.append("| Request | Path | Requests | Per second | p50 | p95 | p99 | Max |\n|---|---|---|---|---|---|---|---|\n");
        StringBuilder overhead = new StringBuilder();
        for (Map.Entry<String, List<String>> kind : Map.of("product by id", detail, "page of 20 products", page).entrySet()) {
            List<String> viaGateway = kind.getValue().stream().map(p -> "/api/v1" + p).toList();
            WrkLoad.run(direct, kind.getValue(), CONNECTIONS, WARM);
            WrkLoad.run(through, viaGateway, CONNECTIONS, WARM);
            for (int connections : new int[] {LIGHT, CONNECTIONS}) {
                WrkLoad.Result d = WrkLoad.run(direct, kind.getValue(), connections, RUN);
                WrkLoad.Result g = WrkLoad.run(through, viaGateway, connections, RUN);
                rows.append(d.row(kind.getKey() + ", " + connections + " connections | direct to catalog-service")).append('\n');
                rows.append(g.row(kind.getKey() + ", " + connections + " connections | through the gateway")).append('\n');
                overhead.append(String.format("- %s, %d connections: the gateway adds %.1f ms at p50 (target: under 3 ms: %s), "
                                + "%.1f ms at p95; errors %d direct, %d through the gateway.%n", kind.getKey(), connections,
                        g.p50() - d.p50(), g.p50() - d.p50() < 3 ? "met" : "missed", g.p95() - d.p95(), d.errors(), g.errors()));
            }
        }
        BenchmarkReport.write("gateway-overhead", "gateway: overhead against calling the service directly (issue 12)", COMMAND,
                "The same GET requests with the same admin token, without think time, at " + LIGHT + " connections (light: "
                        + "the gateway's own time per request) and at " + CONNECTIONS + " (both sides saturate the 2 cores: the gateway's "
                        + "CPU is taken from the service, so this reads as capacity more than as added latency), "
                        + RUN.toSeconds() + " s each after a " + WARM.toSeconds() + " s warm-up, over " + PRODUCTS
                        + " products: to catalog-service directly, then through the gateway (token and role check, the rate "
                        + "limit's Redis script, forwarding, the ETag's hash). The gateway runs in the test JVM, catalog-service as "
                        + "its packaged jar; both, PostgreSQL, Redis, Kafka and wrk share the 2 cores, so the figures include "
                        + "the gateway's CPU taken from the service.\n\n" + rows + "\n" + overhead);
    }
}
