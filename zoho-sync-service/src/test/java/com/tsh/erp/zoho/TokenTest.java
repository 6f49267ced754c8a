package com.tsh.erp.zoho;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tsh.erp.events.catalog.CatalogEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The access token expires in the middle of a backlog: one refresh, and no record fails. */
@QuarkusTest
class TokenTest extends ZohoTestBase {

    @Test
    void anExpiredTokenIsRefreshedOnceAndNothingFails() {
        long first = nextId();
        send(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(first), 1, product(first, "T-" + first, "3.00", true));
        awaitPushed("product", String.valueOf(first)); // a token is held now
        long refreshes = sim.refreshes();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long id = nextId();
            ids.add(String.valueOf(id));
            send(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(id), 1, product(id, "T-" + id, "3.00", true));
            if (i == 5) {
                sim.expireTokens();
            }
        }
        awaitPushed("product", ids.toArray(String[]::new));
        assertEquals(refreshes + 1, sim.refreshes(), "four workers met the expired token; one refreshed it");
        assertEquals(0, db.count("select count(*) from sync_task where status = 'FAILED' and erp_id = any(?::text[])",
                (Object) ids.toArray(String[]::new)));
    }
}
