package com.tsh.erp.zoho;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.events.clients.ClientType;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Zoho failing: 30% of calls answer 5xx or 429, and some creates succeed with their answer lost (the
 * client times out). Every record still ends in Zoho exactly once, nothing is marked failed, and Zoho
 * never sees more calls in a minute than its limit.
 */
@QuarkusTest
@TestProfile(FaultsTest.DefaultLimit.class)
class FaultsTest extends ZohoTestBase {

    /** Zoho's default limit here (the other tests raise it to 1,000 a minute to run faster). */
    public static class DefaultLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tsh.zoho.budget.calls-per-minute", "100");
        }
    }

    @BeforeEach
    void defaultLimit() {
        // the simulator counts the calls of the last 60 s, earlier tests' included: start from a quiet minute
        await().atMost(Duration.ofSeconds(70)).pollInterval(Duration.ofSeconds(1)).until(() ->
                sim.state().path("calls").path("last_minute").asInt() == 0);
        sim.limits(100, 1_000_000, 10);
    }

    @AfterEach
    void calm() {
        sim.clearFaults();
        sim.limits(ZohoSimResource.TEST_LIMIT, 1_000_000, 10);
    }

    @Test
    void everyRecordEndsInZohoExactlyOnceWithinTheLimit() {
        long before = sim.lastSeq();
        sim.faults(Map.of("error_rate", 0.15, "throttle_rate", 0.15, "lost_answer_rate", 0.2, "lost_answer_delay_ms", 5_000));
        List<String> products = new ArrayList<>();
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            long id = nextId();
            products.add(String.valueOf(id));
            send(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(id), 1, product(id, "F-" + id, "5.00", true));
        }
        for (int i = 0; i < 20; i++) {
            long id = nextId();
            clients.add(String.valueOf(id));
            send(ClientEvents.CLIENT_UPSERTED, String.valueOf(id), 1, client(id, ClientType.WHOLESALE, true));
        }
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() ->
                db.count("select count(*) from zoho_mapping where kind = 'product' and erp_id = any(?::text[])", (Object) products.toArray(String[]::new)) == products.size()
                        && db.count("select count(*) from zoho_mapping where kind = 'client' and erp_id = any(?::text[])", (Object) clients.toArray(String[]::new)) == clients.size()
                        && db.count("select count(*) from sync_task where erp_id = any(?::text[])", (Object) concat(products, clients)) == 0);
        sim.clearFaults();
        for (String id : products) {
            assertEquals(1, sim.records("items", "sku", "F-" + id).size(), "product " + id + " is in Zoho exactly once");
        }
        for (String id : clients) {
            assertEquals(1, sim.records("contacts", "contact_name", "Client " + id).size(), "client " + id + " is in Zoho exactly once");
        }
        List<ZohoSim.Call> calls = sim.calls(before);
        assertTrue(calls.stream().anyMatch(c -> c.outcome().equals("fault")), "faults happened: " + calls.size() + " calls");
        assertTrue(calls.stream().anyMatch(c -> c.outcome().equals("lost")), "answers were lost");
        assertTrue(calls.size() > 100, "more calls than one minute's limit, so the limit was in play: " + calls.size());
        int busiest = ZohoSim.busiestMinute(calls);
        assertTrue(busiest <= 100, "at most 100 calls in any minute, saw " + busiest);
        assertTrue(calls.stream().noneMatch(c -> c.outcome().equals("limited")), "the shared budget kept every call within Zoho's limits");
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }
}
