package com.tsh.erp.zoho;

import static io.restassured.RestAssured.given;

import com.tsh.erp.testing.ApiFuzzer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * zoho-sync-service's API attacked through its own OpenAPI document ({@link ApiFuzzer}): no hostile
 * request gets a 5xx, every refusal is a problem naming the field and writes nothing. The push workers
 * and the job runner are off here, so that only requests change the database while it compares digests.
 */
@QuarkusTest
@TestProfile(FuzzTest.Quiet.class)
class FuzzTest extends ZohoTestBase {

    public static class Quiet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tsh.zoho.push.enabled", "false", "tsh.zoho.pull.run-jobs", "false");
        }
    }

    @Test
    void hostileRequestsGetNo5xxAndRefusalsNameTheFieldAndWriteNothing() {
        ApiFuzzer.of("zoho-sync-service")
                .db(db)
                .rows("/sync/jobs/{id}", () -> Map.of("id", given().contentType(ContentType.JSON).body(Map.of("kinds", List.of("items")))
                        .post("/sync/jobs").then().statusCode(202).extract().path("id")))
                .rows("/sync/failures/{id}/retry", () -> Map.of("id", failed()))
                .value("kinds", () -> List.of("items", "contacts"))
                .value("kind", () -> "product")
                .value("erp_id", () -> String.valueOf(nextId()))
                .value("zoho_id", () -> String.valueOf(nextId()))
                .run()
                .assertClean();
    }

    /** A record Zoho refused, as the workers store one. */
    private long failed() {
        long erpId = nextId();
        db.exec("""
                insert into sync_task (kind, erp_id, priority, version, state, status, last_error_code, last_error_message, last_error_at)
                values ('product', ?, 2, 1, '{}', 'FAILED', 1001, 'Item with SKU X already exists.', now())""", String.valueOf(erpId));
        return db.count("select id from sync_task where kind = 'product' and erp_id = ?", String.valueOf(erpId));
    }
}
