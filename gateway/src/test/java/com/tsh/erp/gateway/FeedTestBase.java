package com.tsh.erp.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.EventType;
import com.tsh.erp.events.catalog.CategoryUpserted;
import com.tsh.erp.events.catalog.ProductUpserted;
import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.events.clients.ClientUpserted;
import com.tsh.erp.testing.TestRun;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The audit log's and the change feed's tests: events are sent to this run's copies of the services' topics as the
 * services publish them (TopicProbe through {@link TestRun}), and the gateway is asked what it made of them.
 */
abstract class FeedTestBase extends GatewayTestBase {

    /** Record ids of this JVM's tests (the run's database is its own, but every test of the run shares it). */
    private static final AtomicLong IDS = new AtomicLong(100_000 + (System.nanoTime() % 1_000) * 1_000);

    protected final TestRun run = new TestRun();

    protected static long nextId() {
        return IDS.incrementAndGet();
    }

    /** Sends an event as its producer would, with this actor and time; returns its id. */
    protected <P> UUID send(EventType<P> type, String aggregateId, long version, P payload, String actor, Instant at) {
        UUID eventId = UUID.randomUUID();
        send(eventId, type, aggregateId, version, payload, actor, at);
        return eventId;
    }

    protected <P> void send(UUID eventId, EventType<P> type, String aggregateId, long version, P payload, String actor, Instant at) {
        run.send(type.topic(), aggregateId, EventJson.write(new EventEnvelope<>(eventId, type.name(), type.aggregateType(), aggregateId,
                version, at, actor, EventEnvelope.ORIGIN_TSH, null, "req-" + eventId, payload)));
    }

    protected <P> UUID send(EventType<P> type, String aggregateId, long version, P payload) {
        return send(type, aggregateId, version, payload, "system:test", Instant.now());
    }

    /** Waits until the gateway has handled these events (their ids are in its inbox). */
    protected void awaitHandled(Collection<UUID> eventIds) {
        String[] ids = eventIds.stream().map(UUID::toString).toArray(String[]::new);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() ->
                db.count("select count(distinct event_id) from tsh_inbox where event_id::text = any(?::text[])", (Object) ids) == ids.length);
    }

    protected void awaitHandled(UUID... eventIds) {
        awaitHandled(Arrays.asList(eventIds));
    }

    protected static ProductUpserted product(long id, long version, boolean active) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version);
        return new ProductUpserted(id, "SKU-" + id, "Product " + id + " v" + version, "منتج " + id, "about " + id, null, null, "piece",
                new BigDecimal(version + ".50"), new BigDecimal(version + ".25"), new BigDecimal("1.00"), 100, 0, 100, 1, 5, active,
                List.of("https://img.example/" + id + ".jpg"), null, now, now);
    }

    protected static CategoryUpserted category(long id, long version, boolean active) {
        return new CategoryUpserted(id, null, "Category " + id + " v" + version, "فئة " + id, (int) version, active,
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version));
    }

    protected static ClientUpserted client(long id, long version, Long salespersonId, boolean active) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version);
        return new ClientUpserted(id, "Client " + id + " v" + version, "عميل " + id, ClientType.WHOLESALE, "+9647701234567", null, null,
                "Baghdad", "Central", salespersonId, new BigDecimal("1000000.00"), active, null, now, now);
    }

    /** A user with these roles and ids; its access token. */
    protected static String tokenOf(List<String> roles, Long salespersonId, Long clientId) {
        String name = uniqueName("feed");
        String password = "secret-" + name;
        asAdmin("POST", "/api/v1/users", newUser(name, password, roles, salespersonId, clientId)).then().statusCode(201);
        return accessToken(name, password);
    }

    protected static Response get(String token, String path) {
        var spec = given();
        if (token != null) {
            spec = spec.header("Authorization", "Bearer " + token);
        }
        return spec.get(path);
    }
}
