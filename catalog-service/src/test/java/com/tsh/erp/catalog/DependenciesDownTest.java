package com.tsh.erp.catalog;

import static com.tsh.erp.catalog.Catalog.createProduct;
import static com.tsh.erp.catalog.Catalog.productBody;
import static com.tsh.erp.catalog.Catalog.uniqueSku;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * With the broker and Redis unreachable the service stays ready and serves: writes are taken
 * (their events wait in the outbox), reads come from the database; the outage shows in the
 * {@code dependencies} health group, not in readiness.
 */
@QuarkusTest
@TestProfile(DependenciesDownTest.BrokerAndRedisUnreachable.class)
class DependenciesDownTest extends CatalogTestBase {

    /** Nothing listens on port 1. */
    public static class BrokerAndRedisUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:1", "quarkus.redis.hosts", "redis://127.0.0.1:1");
        }
    }

    @Test
    void withTheBrokerAndRedisDownTheServiceIsReadyAndServes() {
        assertEquals("127.0.0.1:1", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                "the test runs without a broker");

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        String sku = uniqueSku("DOWN");
        long id = createProduct(productBody(sku, "Offline charger", "شاحن")).getLong("id");
        given().get("/products/" + id).then().statusCode(200).body("sku", equalTo(sku));
        given().queryParam("q", sku).get("/products").then().statusCode(200).body("items[0].id", equalTo((int) id));
        given().get("/categories").then().statusCode(200);
        assertTrue(db.count("select count(*) from tsh_outbox where sent_at is null and message_key = ?", String.valueOf(id)) > 0,
                "the product's event waits in the outbox");

        given().get("/q/health/group/dependencies").then().statusCode(503).body("status", equalTo("DOWN"))
                .body("checks.name", hasItems("kafka-broker", "redis-cache"))
                .body("checks.find { it.name == 'kafka-broker' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'redis-cache' }.status", equalTo("DOWN"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
