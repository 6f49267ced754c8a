package com.tsh.erp.clients;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.clients.bench.ClientSearchPlans;
import com.tsh.erp.clients.bench.GeneratedClients;
import com.tsh.erp.clients.service.ClientSearch;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every kind of client search over the benchmark's 5,000 clients (in a database of this class's
 * own: its profile restarts the service on a new one) is answered from an index, never by scanning
 * the clients.
 */
@QuarkusTest
@TestProfile(ClientSearchPlansTest.OwnDatabase.class)
class ClientSearchPlansTest extends ClientsTestBase {

    /** Nothing but a profile of its own, so that the clients are exactly the benchmark's. */
    public static class OwnDatabase implements QuarkusTestProfile {
    }

    @Inject
    DataSource dataSource;
    @Inject
    ClientSearch search;

    @Test
    void everyKindOfClientSearchIsAnsweredFromAnIndex() throws Exception {
        GeneratedClients.seed(dataSource, 1_000, 5_000);
        ClientSearchPlans.kinds().forEach((label, q) -> {
            String plans = ClientSearchPlans.plans(search, q, true);
            System.out.println("-- " + label + "\n" + plans + "\n");
            assertFalse(plans.contains("Seq Scan on client"), label + " scans the clients:\n" + plans);
        });
        assertTrue(search.list(ClientSearchPlans.kinds().get("typo step")).items().stream()
                .anyMatch(c -> c.name().equals("Al-Noor Electronics 16")), "the typo step finds the client");
        assertTrue(search.list(ClientSearchPlans.kinds().get("phone, international form with spaces")).items().get(0).name()
                .equals("Al-Noor Electronics 16"));
    }
}
