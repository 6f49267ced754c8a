package com.tsh.erp.catalog;

import static com.tsh.erp.catalog.Catalog.productBody;
import static com.tsh.erp.catalog.Catalog.uniqueSku;
import static com.tsh.erp.catalog.Catalog.product;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarting under the running service (every connection of the service's pool dies
 * at once, as in a restart or a fail-over): requests answer 503 with Retry-After, a problem the
 * client may retry, never 500; the service recovers by itself, and nothing is half-written.
 */
@QuarkusTest
class DatabaseRestartTest extends CatalogTestBase {

    @Test
    void aDatabaseRestartIs503WithRetryAfterAndTheServiceRecoversByItself() throws Exception {
        long id = product("Restart", "إعادة", 3);
        given().get("/products/" + id).then().statusCode(200);

        assertTrue(cutEveryConnection() > 0, "the service's connections were cut");

        List<Integer> statuses = new ArrayList<>();
        int okInARow = 0;
        for (int i = 0; i < 200 && okInARow < 10; i++) {
            Response r = i % 2 == 0
                    ? given().get("/products/" + id)
                    : given().contentType(ContentType.JSON).body(productBody(uniqueSku("RST"), "Restart", "إعادة")).post("/products");
            statuses.add(r.statusCode());
            if (r.statusCode() == 503) {
                r.then().contentType("application/problem+json");
                assertEquals("2", r.header("Retry-After"));
            }
            okInARow = r.statusCode() < 300 ? okInARow + 1 : 0;
        }
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 201 || s == 503), "only served or 503: " + statuses);
        assertTrue(okInARow >= 10, "the service recovered by itself: " + statuses);
        assertEquals(0, afterRestart(() -> db.count("select count(*) from product p where not exists (select 1 from tsh_outbox o "
                + "where o.message_key = p.id::text and o.event_type = 'ProductUpserted') and p.sku like 'RST-%'")),
                "every product written has its event");
    }

    /** What a restart does to the service's pool: every connection to its database ends (from one outside the pool). */
    private static long cutEveryConnection() throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
             ResultSet rs = c.createStatement().executeQuery("""
                     select count(pg_terminate_backend(pid)) from pg_stat_activity
                     where datname = current_database() and pid <> pg_backend_pid()""")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The test's own reads share the service's pool, which may still hand out a cut connection once. */
    private static long afterRestart(java.util.function.LongSupplier read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.getAsLong();
            } catch (IllegalStateException e) {
                if (attempt == 40) {
                    throw e;
                }
            }
        }
    }
}
