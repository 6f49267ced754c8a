package com.tsh.erp.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.catalog.ProductDeactivated;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.events.clients.ClientType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The read models follow the version rule: whatever order events come in, the copy ends at the newest. */
@io.quarkus.test.junit.QuarkusTest
class ReadModelTest extends OrdersTestBase {

    @Test
    void versionsThreeTwoFourEndAtFour() {
        long id = nextId();
        String key = String.valueOf(id);
        awaitHandled(send(CatalogEvents.PRODUCT_UPSERTED, key, 3, productState(id, "V-" + id, "300.00", "250.00", true)),
                send(CatalogEvents.PRODUCT_UPSERTED, key, 2, productState(id, "V-" + id, "200.00", "150.00", true)),
                send(CatalogEvents.PRODUCT_UPSERTED, key, 4, productState(id, "V-" + id, "400.00", "350.00", true)));
        assertEquals("400.00", db.text("select retail_price from product_view where id = ?", id));
        assertEquals("350.00", db.text("select wholesale_price from product_view where id = ?", id));
        assertEquals(4, db.count("select version from product_view where id = ?", id));
    }

    @Test
    void aDeactivationWinsOverAnOlderUpsertAndLosesToANewerOne() {
        long id = nextId();
        String key = String.valueOf(id);
        awaitHandled(send(CatalogEvents.PRODUCT_UPSERTED, key, 1, productState(id, "D-" + id, "10.00", "9.00", true)),
                send(CatalogEvents.PRODUCT_DEACTIVATED, key, 3, new ProductDeactivated(id, "D-" + id, Instant.now())),
                send(CatalogEvents.PRODUCT_UPSERTED, key, 2, productState(id, "D-" + id, "11.00", "10.00", true)));
        assertEquals(3, db.count("select version from product_view where id = ?", id));
        assertEquals("f", db.text("select active from product_view where id = ?", id));
        assertEquals("10.00", db.text("select retail_price from product_view where id = ?", id));

        awaitHandled(send(CatalogEvents.PRODUCT_UPSERTED, key, 4, productState(id, "D-" + id, "12.00", "11.00", true)));
        assertEquals(4, db.count("select version from product_view where id = ?", id));
        assertEquals("t", db.text("select active from product_view where id = ?", id));
    }

    @Test
    void clientsAndSalespeopleFollowTheSameRule() {
        long seller = salesperson("2.50");
        long id = nextId();
        String key = String.valueOf(id);
        awaitHandled(send(ClientEvents.CLIENT_UPSERTED, key, 5, clientState(id, ClientType.WHOLESALE, seller, true)),
                send(ClientEvents.CLIENT_UPSERTED, key, 4, clientState(id, ClientType.RETAIL, null, false)));
        assertEquals(5, db.count("select version from client_view where id = ?", id));
        assertEquals("WHOLESALE", db.text("select client_type from client_view where id = ?", id));
        assertEquals(seller, db.count("select salesperson_id from client_view where id = ?", id));
        assertEquals("2.50", db.text("select commission_rate from salesperson_view where id = ?", seller));
    }
}
