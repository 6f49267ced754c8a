package com.tsh.erp.gateway;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.catalog.ProductDeactivated;
import com.tsh.erp.events.clients.ClientEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The offline change feed: a phone syncs from scratch while products change, goes offline while they change and are
 * deactivated, syncs again from its cursor and ends with exactly the server's state; clients only for whom they belong
 * to; a bad cursor is 400 naming {@code since}.
 */
@QuarkusTest
class ChangeFeedTest extends FeedTestBase {

    /** What a phone keeps: the record's latest change by "type:id". */
    private static final class Phone {
        final String token;
        final String types;
        final int limit;
        String cursor;
        final Map<String, Map<String, Object>> records = new TreeMap<>();
        final List<Map<String, Object>> received = new ArrayList<>();

        Phone(String token, String types, int limit) {
            this.token = token;
            this.types = types;
            this.limit = limit;
        }

        /** Pages until has_more is false; returns the number of pages. */
        int sync() {
            int pages = 0;
            boolean more = true;
            while (more) {
                String path = "/mobile/v1/changes?types=" + types + "&limit=" + limit + (cursor == null ? "" : "&since=" + cursor);
                Response r = get(token, path);
                r.then().statusCode(200);
                List<Map<String, Object>> items = r.jsonPath().getList("items");
                assertTrue(items.size() <= limit);
                for (Map<String, Object> item : items) {
                    received.add(item);
                    String key = item.get("type") + ":" + item.get("id");
                    if ("upserted".equals(item.get("change"))) {
                        records.put(key, item);
                    } else {
                        records.remove(key);
                    }
                }
                cursor = r.path("next_cursor");
                assertNotNull(cursor);
                more = r.path("has_more");
                pages++;
            }
            return pages;
        }

        Map<String, Long> versions(String prefix) {
            Map<String, Long> out = new TreeMap<>();
            records.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    out.put(k, ((Number) v.get("version")).longValue());
                }
            });
            return out;
        }
    }

    /** The latest event sent per record: what the server must end with. */
    private static final class Expected {
        final Map<String, long[]> latest = Collections.synchronizedMap(new HashMap<>()); // key -> {version, active 0/1}

        void sent(String key, long version, boolean active) {
            latest.merge(key, new long[] {version, active ? 1 : 0}, (a, b) -> a[0] >= b[0] ? a : b);
        }

        Map<String, Long> liveVersions() {
            Map<String, Long> out = new TreeMap<>();
            latest.forEach((k, v) -> {
                if (v[1] == 1) {
                    out.put(k, v[0]);
                }
            });
            return out;
        }
    }

    private UUID upsert(Expected expected, long id, long version, boolean active) {
        expected.sent("product:" + id, version, active);
        return send(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(id), version, product(id, version, active));
    }

    private UUID deactivate(Expected expected, long id, long version) {
        expected.sent("product:" + id, version, false);
        return send(CatalogEvents.PRODUCT_DEACTIVATED, String.valueOf(id), version, new ProductDeactivated(id, "SKU-" + id, Instant.now()));
    }

    private UUID category(Expected expected, long id, long version, boolean active) {
        expected.sent("category:" + id, version, active);
        return send(CatalogEvents.CATEGORY_UPSERTED, String.valueOf(id), version, category(id, version, active));
    }

    @Test
    void aPhoneSyncsGoesOfflineAndEndsWithExactlyTheServersState() throws Exception {
        Expected expected = new Expected();
        List<Long> products = new ArrayList<>();
        List<UUID> sent = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 30; i++) {
            long id = nextId();
            products.add(id);
            sent.add(upsert(expected, id, 1, true));
        }
        long c1 = nextId();
        long c2 = nextId();
        sent.add(category(expected, c1, 1, true));
        sent.add(category(expected, c2, 1, true));
        awaitHandled(sent);

        // 1. the phone syncs from scratch while products change, are deactivated, arrive late (older versions) and are created
        String token = tokenOf(List.of("SALESPERSON"), nextId(), null);
        Phone phone = new Phone(token, "products,categories", 7);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicBoolean publishing = new AtomicBoolean(true);
        List<Long> created = Collections.synchronizedList(new ArrayList<>());
        Future<?> publisher = pool.submit(() -> {
            try {
                for (int i = 0; i < 10; i++) {
                    sent.add(upsert(expected, products.get(i), 2, true));
                    sent.add(deactivate(expected, products.get(10 + i / 2), 2));
                    if (i < 5) {
                        sent.add(upsert(expected, products.get(15 + i), 3, true));
                        sent.add(upsert(expected, products.get(15 + i), 2, true)); // the relay's late, older event
                        long id = nextId();
                        created.add(id);
                        sent.add(upsert(expected, id, 1, true));
                    }
                }
                sent.add(category(expected, c2, 2, false));
            } finally {
                publishing.set(false);
            }
            return null;
        });
        int syncs = 0;
        while (publishing.get() || syncs == 0) {
            phone.sync();
            syncs++;
            Thread.sleep(20); // a phone's pace, not a timing assertion: pages keep being read while events commit
        }
        publisher.get();
        pool.shutdown();
        awaitHandled(sent);
        phone.sync();
        assertEquals(expected.liveVersions(), mine(phone, products, created, c1, c2), "after the first sync");

        // 2. offline: more changes and deactivations, one event delivered twice
        List<UUID> offline = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            offline.add(deactivate(expected, products.get(i), 3));
            offline.add(upsert(expected, products.get(20 + i), 2, true));
        }
        offline.add(upsert(expected, products.get(10), 3, true)); // deactivated above, back on sale
        offline.add(category(expected, c1, 2, false));
        UUID twice = upsert(expected, products.get(25), 4, true);
        send(twice, CatalogEvents.PRODUCT_UPSERTED, String.valueOf(products.get(25)), 4, product(products.get(25), 4, true), "system:test",
                Instant.now());
        offline.add(twice);
        awaitHandled(offline);

        // 3. back online: from its cursor, it ends with exactly what the server holds
        phone.sync();
        assertEquals(expected.liveVersions(), mine(phone, products, created, c1, c2), "after syncing from the cursor");
        assertEquals(serverState(), phone.versions(""), "the phone holds exactly the server's products and categories");
        Map<String, Object> p20 = phone.records.get("product:" + products.get(20));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) p20.get("product");
        assertEquals("Product " + products.get(20) + " v2", body.get("name"));
        assertEquals(2.50f, ((Number) body.get("retail_price")).floatValue());
        assertEquals("SKU-" + products.get(20), body.get("sku"));

        // a new phone from scratch gets the same state, and no record that was already inactive
        Phone fresh = new Phone(tokenOf(List.of("WAREHOUSE"), null, null), "categories,products", 50);
        fresh.sync();
        assertEquals(phone.versions(""), fresh.versions(""));
        assertTrue(fresh.received.stream().allMatch(i -> "upserted".equals(i.get("change"))), "a sync from scratch sends live records only");
        // nothing is waiting: the next sync is empty
        Response again = get(fresh.token, "/mobile/v1/changes?types=categories,products&since=" + fresh.cursor);
        again.then().statusCode(200).body("items", hasSize(0)).body("has_more", equalTo(false));
    }

    /**
     * Sequences follow commit order. A writer (this test's own transaction, as a consumer would) takes a sequence and
     * holds it uncommitted; meanwhile the gateway's consumer applies another product's event, which must wait for it
     * (with sequences handed out by nextval() it would commit first with the higher number); a phone that syncs now
     * and again after both committed gets both. Had the later one committed first, the phone's cursor would have
     * passed the held sequence and the held product would never reach it.
     */
    @Test
    void aSequenceTakenBeforeAnotherIsNeverCommittedBehindACursor() throws Exception {
        Phone phone = new Phone(tokenOf(List.of("MANAGER"), null, null), "products", 50);
        phone.sync();
        long held = nextId();
        long other = nextId();
        UUID otherEvent;
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                ResultSet rs = s.executeQuery("update feed_sequence set last_seq = last_seq + 1 returning last_seq");
                rs.next();
                long seq = rs.getLong(1);
                s.executeUpdate("insert into feed_record (kind, record_id, version, seq, active, data) values ('product', " + held + ", 1, "
                        + seq + ", true, '{\"id\": " + held + ", \"sku\": \"SKU-" + held + "\", \"name\": \"Held\", \"name_ar\": \"م\", "
                        + "\"description\": null, \"description_ar\": null, \"category_id\": null, \"unit\": \"piece\", "
                        + "\"retail_price\": 1.00, \"wholesale_price\": 1.00, \"image_urls\": [], \"active\": true, "
                        + "\"updated_at\": \"2026-01-01T00:00:00Z\"}')");
            }
            otherEvent = send(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(other), 1, product(other, 1, true));
            // the consumer has either applied it (the broken case) or waits behind the held sequence (the right one)
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(() ->
                    db.count("select count(*) from tsh_inbox where event_id = ?", otherEvent) == 1
                            || db.count("select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' "
                            + "and query like 'update feed_sequence%'") > 0);
            phone.sync();
            c.commit();
        }
        awaitHandled(otherEvent);
        phone.sync();
        assertTrue(phone.records.containsKey("product:" + held), "the product committed with the earlier sequence reached the phone");
        assertTrue(phone.records.containsKey("product:" + other));
        assertEquals(serverState().entrySet().stream().filter(e -> e.getKey().startsWith("product:"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, TreeMap::new)),
                phone.versions("product:"));
    }

    /** Each type's part of a page is one index range after the cursor, in sequence order (no sort of the table). */
    @Test
    void eachTypeReadsItsIndexRangeInOrder() throws Exception {
        Map<String, String> plans = Map.of(
                "kind = 'product' and seq > 5 and (active or seq > 0)", "feed_record_kind_seq_idx",
                "kind = 'client' and salesperson_id = 7 and seq > 5 and (active or seq > 0)", "feed_record_salesperson_seq_idx");
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("set enable_seqscan = off");
            s.execute("set enable_sort = off");
            for (Map.Entry<String, String> e : plans.entrySet()) {
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = s.executeQuery("explain select record_id from feed_record where " + e.getKey() + " order by seq limit 51")) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                assertTrue(plan.toString().contains(e.getValue()) && !plan.toString().contains("Sort"), e.getKey() + ":\n" + plan);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = s.executeQuery("explain select record_id from feed_revocation where salesperson_id = 7 and seq > 5 order by seq limit 51")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertTrue(plan.toString().contains("feed_revocation_salesperson_seq_idx") && !plan.toString().contains("Sort"), plan.toString());
        }
    }

    /** The phone's records among this test's (the run's database is shared by every test). */
    private static Map<String, Long> mine(Phone phone, List<Long> products, List<Long> created, long c1, long c2) {
        Map<String, Long> out = new TreeMap<>();
        List<String> keys = new ArrayList<>();
        products.forEach(id -> keys.add("product:" + id));
        created.forEach(id -> keys.add("product:" + id));
        keys.add("category:" + c1);
        keys.add("category:" + c2);
        phone.versions("").forEach((k, v) -> {
            if (keys.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The server's live products and categories with their versions. */
    private Map<String, Long> serverState() throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select kind, record_id, version from feed_record where kind in ('product', 'category') and active")) {
            while (rs.next()) {
                out.put(rs.getString(1) + ":" + rs.getLong(2), rs.getLong(3));
            }
        }
        return out;
    }

    @Test
    void clientsOnlyForWhomTheyBelongTo() {
        long sellerA = nextId();
        long sellerB = nextId();
        long a1 = nextId();
        long b1 = nextId();
        long moving = nextId();
        awaitHandled(send(ClientEvents.CLIENT_UPSERTED, String.valueOf(a1), 1, client(a1, 1, sellerA, true)),
                send(ClientEvents.CLIENT_UPSERTED, String.valueOf(b1), 1, client(b1, 1, sellerB, true)),
                send(ClientEvents.CLIENT_UPSERTED, String.valueOf(moving), 1, client(moving, 1, sellerA, true)));

        Phone a = new Phone(tokenOf(List.of("SALESPERSON"), sellerA, null), "clients", 50);
        Phone b = new Phone(tokenOf(List.of("TRAVEL_SALESPERSON"), sellerB, null), "clients", 50);
        Phone own = new Phone(tokenOf(List.of("CLIENT"), null, b1), "clients", 50);
        Phone manager = new Phone(tokenOf(List.of("MANAGER"), null, null), "clients", 50);
        a.sync();
        b.sync();
        own.sync();
        manager.sync();
        assertEquals(List.of("client:" + a1, "client:" + moving), sorted(a.records.keySet()));
        assertEquals(List.of("client:" + b1), sorted(b.records.keySet()));
        assertEquals(List.of("client:" + b1), sorted(own.records.keySet()));
        assertTrue(manager.records.keySet().containsAll(List.of("client:" + a1, "client:" + b1, "client:" + moving)));
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) a.records.get("client:" + a1).get("client");
        assertEquals(sellerA, ((Number) shown.get("salesperson_id")).longValue());
        assertEquals("+9647701234567", shown.get("phone"));

        // the client moves from A to B: A's phone is told to drop it, B's gets it
        awaitHandled(send(ClientEvents.CLIENT_UPSERTED, String.valueOf(moving), 2, client(moving, 2, sellerB, true)));
        a.sync();
        b.sync();
        manager.sync();
        own.sync();
        assertEquals(List.of("client:" + a1), sorted(a.records.keySet()));
        assertTrue(a.received.stream().anyMatch(i -> ("client".equals(i.get("type")) && "removed".equals(i.get("change"))
                && ((Number) i.get("id")).longValue() == moving && i.get("client") == null)));
        assertEquals(List.of("client:" + b1, "client:" + moving), sorted(b.records.keySet()));
        assertEquals(2L, manager.versions("client:" + moving).get("client:" + moving));
        assertEquals(List.of("client:" + b1), sorted(own.records.keySet()));

        // products and categories for everyone signed in, clients for nobody without a client scope
        Phone stranger = new Phone(tokenOf(List.of("CLIENT"), null, nextId()), "clients", 50);
        stranger.sync();
        assertTrue(stranger.records.isEmpty());

        // a cursor is one user's view: another salesperson's token cannot continue it
        get(b.token, "/mobile/v1/changes?types=clients&since=" + a.cursor).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("since"));
    }

    @Test
    void badRequestsNameTheParameter() {
        String token = tokenOf(List.of("MANAGER"), null, null);
        String cursor = get(token, "/mobile/v1/changes?types=products").then().statusCode(200).extract().path("next_cursor");
        String ahead = Base64.getUrlEncoder().withoutPadding().encodeToString("1:999999999999:0:1:all".getBytes(StandardCharsets.US_ASCII));
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("1:-5:0:1:all".getBytes(StandardCharsets.US_ASCII));
        for (String[] c : new String[][] {
                {"since=garbage!", "since"}, {"since=abc", "since"}, {"since=" + ahead + "&types=products", "since"},
                {"since=" + forged + "&types=products", "since"},
                {"since=" + cursor, "since"}, // made for products only, asked for all three
                {"since=" + cursor + "&types=products,clients", "since"},
                {"types=orders", "types"}, {"types=products,", "types"}, {"limit=51", "limit"}, {"limit=0", "limit"},
                {"limit=x", "limit"}, {"since=" + "A".repeat(201), "since"}}) {
            get(token, "/mobile/v1/changes?" + c[0]).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(c[1]));
        }
        get(token, "/mobile/v1/changes?types=products&since=" + cursor).then().statusCode(200);
        get(null, "/mobile/v1/changes").then().statusCode(401);
        get("forged", "/mobile/v1/changes").then().statusCode(401);
        assertFalse(cursor.isBlank());
    }

    private static List<String> sorted(java.util.Collection<String> keys) {
        return keys.stream().sorted().toList();
    }
}
