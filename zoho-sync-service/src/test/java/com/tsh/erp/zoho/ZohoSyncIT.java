package com.tsh.erp.zoho;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tsh.erp.devstack.DevStack;
import com.tsh.erp.devstack.DevStackSettings;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.Topics;
import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.testing.ServiceProcess;
import com.tsh.erp.testing.TopicProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged service as production runs it: two replicas sharing one database, one Redis budget
 * and one token, against the simulator; replicas killed in the middle of a backlog and of a full sync;
 * and a full sync of 20,000 items and 5,000 contacts that ends in catalog-service's and
 * client-service's databases (both running as their packaged jars, reading {@code zoho.inbound}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZohoSyncIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = "zit" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static ServiceProcess simulator;
    static ServiceProcess a;
    static ServiceProcess b;
    static ZohoSim sim;
    static DevStackSettings stack;

    @BeforeAll
    static void start() {
        stack = DevStack.shared().settings();
        simulator = ServiceProcess.of("zoho-simulator").start();
        sim = new ZohoSim(simulator.baseUrl());
        // faster than Zoho's default for the test's sake; FaultsTest holds the service to the default limit
        sim.limits(300, 1_000_000, 10);
        a = replica().start();
        b = replica().start();
    }

    static ServiceProcess replica() {
        return ServiceProcess.of("zoho-sync-service").database("tsh_zoho_it_" + RUN).forTestRun(RUN)
                .property("tsh.zoho.api-url", simulator.baseUrl())
                .property("tsh.zoho.client-secret", "tsh-local-secret")
                .property("tsh.zoho.refresh-token", "tsh-local-refresh")
                .property("tsh.zoho.redis-prefix", "zoho-it-" + RUN)
                .property("tsh.zoho.budget.calls-per-minute", "300")
                .property("tsh.zoho.call-timeout", "3s")
                .property("tsh.zoho.push.retry-base", "200ms")
                .property("tsh.zoho.push.retry-max", "3s")
                .property("tsh.zoho.push.lease", "15s")
                .property("tsh.zoho.pull.job-lease", "10s")
                .property("tsh.zoho.pull.incremental", "false");
    }

    private static void sendProducts(long base, int from, int count, List<String> ids) throws Exception {
        for (int i = from; i < from + count; i++) {
            long id = base + i;
            ids.add(String.valueOf(id));
            send(Topics.CATALOG_PRODUCTS, String.valueOf(id), EventJson.write(new EventEnvelope<>(UUID.randomUUID(), "ProductUpserted",
                    "Product", String.valueOf(id), 1, Instant.now(), "system:test", EventEnvelope.ORIGIN_TSH, null, null,
                    ZohoTestBase.product(id, "IT-" + id, "7.00", true))));
        }
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess p : new ServiceProcess[] {a, b, simulator}) {
            if (p != null) {
                p.close();
            }
        }
    }

    @Test
    @Order(1)
    void twoReplicasAReplicaKilledMidBacklogAndAnExpiredTokenLoseNothingAndDuplicateNothing() throws Exception {
        List<String> ids = new ArrayList<>();
        long base = 7_000_000 + (System.nanoTime() % 1_000_000);
        sendProducts(base, 0, 300, ids);
        await().atMost(Duration.ofMinutes(2)).until(() -> count("tsh_zoho_it_" + RUN, "select count(*) from zoho_mapping where kind = 'product'") >= 60);
        // the token expires while both replicas work: the first 401 refreshes it once, the other replica takes the new one
        long refreshes = sim.refreshes();
        sim.expireTokens();
        // more work after the expiry, so that calls meet the expired token even when the first batch is already through
        // (CI once pushed all 300 before the expiry: no call came, no refresh, and the wait below ran out)
        sendProducts(base, 300, 100, ids);
        // the next call meets the expired token; with the minute's budget spent it may wait for the window (up to 61 s)
        await().atMost(Duration.ofMinutes(2)).until(() -> sim.refreshes() > refreshes);
        await().atMost(Duration.ofMinutes(2)).until(() -> count("tsh_zoho_it_" + RUN, "select count(*) from zoho_mapping where kind = 'product'") >= 120);
        a.kill(); // mid-backlog, holding leases and maybe a create whose answer it never read
        assertTrue(count("tsh_zoho_it_" + RUN, "select count(*) from sync_task") > 0, "the kill came with work waiting");
        a.start();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() ->
                count("tsh_zoho_it_" + RUN, "select count(*) from zoho_mapping where kind = 'product'") == ids.size()
                        && count("tsh_zoho_it_" + RUN, "select count(*) from sync_task") == 0);
        List<JsonNode> items = sim.records("items");
        Set<String> skus = items.stream().map(r -> r.path("sku").asText()).filter(s -> s.startsWith("IT-")).collect(Collectors.toSet());
        assertEquals(ids.size(), skus.size(), "every product reached Zoho");
        assertEquals(ids.size(), items.stream().filter(r -> r.path("sku").asText().startsWith("IT-")).count(), "and each only once");
        assertEquals(refreshes + 1, sim.refreshes(), "two replicas met the expired token; one refresh");
        List<ZohoSim.Call> calls = sim.calls(0);
        assertTrue(ZohoSim.busiestMinute(calls) <= 300, "two replicas together stayed within the limit: " + ZohoSim.busiestMinute(calls));
        assertTrue(calls.stream().noneMatch(c -> "limited".equals(c.outcome())), "Zoho refused no call for a limit");
    }

    @Test
    @Order(2)
    void aFullSyncOf20000ItemsAnd5000ContactsEndsInTheCatalogAndClientDatabasesAndResumesAfterAKill() throws Exception {
        try (ServiceProcess catalog = ServiceProcess.of("catalog-service").database("tsh_catalog_zit_" + RUN).forTestRun(RUN)
                .property("tsh.catalog.cache-prefix", "catalog-zit-" + RUN).jvmOption("-Xmx768m").start();
             ServiceProcess clients = ServiceProcess.of("client-service").database("tsh_clients_zit_" + RUN).forTestRun(RUN).start()) {
            sim.reset();
            sim.limits(1_000, 1_000_000, 10);
            sim.seed(20_000, 5_000);
            HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(a.baseUrl() + "/sync/jobs"))
                    .header("Authorization", com.tsh.erp.testing.TestTokens.bearer(com.tsh.erp.testing.TestTokens.admin()))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"kinds\":[\"items\",\"contacts\"]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, started.statusCode(), started.body());
            String job = JSON.readTree(started.body()).path("id").asText();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() ->
                    count("tsh_zoho_it_" + RUN, "select done from sync_job_kind where kind = 'items' and job_id = '" + job + "'") >= 10_000);
            a.kill();
            b.kill(); // whichever ran it: the job stops halfway
            long doneAtKill = count("tsh_zoho_it_" + RUN, "select done from sync_job_kind where kind = 'items' and job_id = '" + job + "'");
            assertTrue(doneAtKill < 20_000, "stopped halfway: " + doneAtKill);
            a.start();
            b.start();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    "SUCCEEDED".equals(text("tsh_zoho_it_" + RUN, "select status from sync_job where id = '" + job + "'")));
            assertEquals(20_000, count("tsh_zoho_it_" + RUN, "select done from sync_job_kind where kind = 'items' and job_id = '" + job + "'"));
            assertEquals(5_000, count("tsh_zoho_it_" + RUN, "select done from sync_job_kind where kind = 'contacts' and job_id = '" + job + "'"));
            // the resumed job went on from its next page: 100 pages of 200, plus at most the one in flight at the kill
            long pageCalls = sim.calls(0).stream().filter(c -> c.method().equals("GET") && c.path().equals("/inventory/v1/items")
                    && "ok".equals(c.outcome())).count();
            assertTrue(pageCalls >= 100 && pageCalls <= 101, "20,000 items read in " + pageCalls + " pages");

            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).until(() ->
                    count("tsh_catalog_zit_" + RUN, "select count(*) from product where zoho_item_id is not null") == 20_000
                            && count("tsh_clients_zit_" + RUN, "select count(*) from client where zoho_contact_id is not null") == 5_000);
            assertEquals(20_000, count("tsh_catalog_zit_" + RUN, "select count(distinct zoho_item_id) from product"));
            assertEquals(5_000, count("tsh_clients_zit_" + RUN, "select count(distinct zoho_contact_id) from client"));
        }
    }

    private static void send(String topic, String key, String value) {
        TopicProbe.send(stack.kafkaBootstrap(), RUN + "." + topic, key, value);
    }

    static long count(String database, String sql) throws Exception {
        String v = text(database, sql);
        return v == null ? 0 : Long.parseLong(v);
    }

    static String text(String database, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(database), stack.pgUser(), stack.pgPassword());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
