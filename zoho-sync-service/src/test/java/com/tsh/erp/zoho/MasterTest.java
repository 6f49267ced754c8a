package com.tsh.erp.zoho;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.events.clients.ClientType;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Zoho is master of products here: product changes made in the ERP are not pushed; clients still are. */
@QuarkusTest
@TestProfile(MasterTest.ZohoMastersProducts.class)
class MasterTest extends ZohoTestBase {

    public static class ZohoMastersProducts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tsh.zoho.master.products", "zoho");
        }
    }

    @Test
    void productChangesAreNotPushedWhenZohoIsTheirMaster() {
        long product = nextId();
        long client = nextId();
        UUID productEvent = send(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(product), 1, product(product, "MZ-" + product, "4.00", true));
        send(ClientEvents.CLIENT_UPSERTED, String.valueOf(client), 1, client(client, ClientType.WHOLESALE, true));
        awaitPushed("client", String.valueOf(client));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select count(*) from tsh_inbox where event_id = ?", productEvent) == 1);
        assertEquals(0, db.count("select count(*) from sync_task where kind = 'product' and erp_id = ?", String.valueOf(product)));
        assertTrue(sim.records("items", "sku", "MZ-" + product).isEmpty());
        io.restassured.RestAssured.given().get("/sync/status").then().statusCode(200)
                .body("kinds[0].master", org.hamcrest.Matchers.equalTo("zoho"));
    }
}
