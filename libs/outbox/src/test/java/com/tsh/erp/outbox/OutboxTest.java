package com.tsh.erp.outbox;

import com.tsh.erp.testing.Db;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.testing.DevStackTestResource;
import com.tsh.erp.testing.TopicProbe;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.EventType;
import com.tsh.erp.events.Topics;
import com.tsh.erp.outbox.demo.DemoNotes;
import com.tsh.erp.outbox.demo.NoteAdded;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tsh_outbox_test"))
class OutboxTest {

    @Inject
    DemoNotes notes;
    @Inject
    OutboxWriter outbox;
    @Inject
    OutboxRelayRunner runner;
    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "tsh.test.topic")
    String topic;

    private Producer<String, String> producer;
    private Db sql;

    @BeforeEach
    void setUp() throws Exception {
        sql = new Db(dataSource);
        producer = runner.newProducer("test");
        drain(runner.newRelay(producer));
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    @Test
    void aBusinessRowAndItsEventCommitTogether() throws Exception {
        String key = "commit-" + UUID.randomUUID();
        EventEnvelope<NoteAdded> event = notes.add(key, 1, false);

        assertEquals(1, sql.count("select count(*) from demo_note where note_key = ?", key));
        assertEquals(1, sql.count("select count(*) from tsh_outbox where event_id = ? and sent_at is null", event.eventId()));

        assertEquals(1, runner.newRelay(producer).runOnce());
        assertEquals(1, sql.count("select count(*) from tsh_outbox where event_id = ? and sent_at is not null", event.eventId()));

        try (TopicProbe probe = TopicProbe.read(bootstrap, topic)) {
            List<ConsumerRecord<String, String>> records = probe.pollUntil(r -> has(r, key, 1), Duration.ofSeconds(30));
            ConsumerRecord<String, String> record = ofKey(records, key).get(0);
            EventEnvelope<NoteAdded> published = EventJson.payload(EventJson.read(record.value()), notes.type());
            assertEquals(event.eventId(), published.eventId());
            assertEquals("NoteAdded", published.eventType());
            assertEquals(key, published.aggregateId());
            assertEquals("user:test", published.actor());
            assertEquals(new NoteAdded(key, 1, "note 1"), published.payload());
            assertEquals("NoteAdded", header(record, "eventType"));
            assertEquals(event.eventId().toString(), header(record, "eventId"));
        }
    }

    @Test
    void aRolledBackTransactionWritesAndPublishesNothing() throws Exception {
        String key = "rollback-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> notes.add(key, 1, true));

        assertEquals(0, sql.count("select count(*) from demo_note where note_key = ?", key));
        assertEquals(0, sql.count("select count(*) from tsh_outbox where message_key = ?", key));
        assertEquals(0, runner.newRelay(producer).runOnce());
        try (TopicProbe probe = TopicProbe.read(bootstrap, topic)) {
            assertTrue(ofKey(probe.pollFor(Duration.ofSeconds(3)), key).isEmpty());
        }
    }

    @Test
    void theWriterRefusesToRunOutsideATransaction() {
        String key = "no-tx-" + UUID.randomUUID();
        assertThrows(TransactionalException.class,
                () -> outbox.append(notes.type(), key, 1, "user:test", new NoteAdded(key, 1, "x")));
        assertEquals(0, sql.count("select count(*) from tsh_outbox where message_key = ?", key));
    }

    @Test
    void aRelayKilledAfterSendingIsFollowedByARedeliveryThatIsAppliedOnce() throws Exception {
        String key = "crash-" + UUID.randomUUID();
        EventEnvelope<NoteAdded> event = notes.add(key, 1, false);

        OutboxRelay dying = runner.newRelay(producer).afterSend(sent -> {
            throw new IllegalStateException("relay killed after sending " + sent.size() + " events, before marking them");
        });
        assertThrows(IllegalStateException.class, dying::runOnce);
        assertEquals(1, sql.count("select count(*) from tsh_outbox where event_id = ? and sent_at is null", event.eventId()),
                "the row is still pending after the crash");

        assertEquals(1, runner.newRelay(producer).runOnce(), "the next relay sends it again");
        notes.add(key, 2, false); // a later event of the same key: once it is applied, both copies were seen
        drain(runner.newRelay(producer));

        try (TopicProbe probe = TopicProbe.read(bootstrap, topic)) {
            List<ConsumerRecord<String, String>> records = probe.pollUntil(r -> has(r, key, 3), Duration.ofSeconds(30));
            long copies = ofKey(records, key).stream().filter(r -> header(r, "eventId").equals(event.eventId().toString())).count();
            assertEquals(2, copies, "the event was delivered twice");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sql.count("select count(*) from demo_applied where note_key = ? and seq = 2", key) == 1);
        assertEquals(1, sql.count("select count(*) from demo_applied where event_id = ?", event.eventId()),
                "the consumer applied the twice-delivered event once");
        assertEquals(1, sql.count("select count(*) from tsh_inbox where consumer = 'demo-consumer' and event_id = ?", event.eventId()));
    }

    @Test
    void twoRelaysOverOneOutboxPublishEveryEventOnceAndKeepPerKeyOrder() throws Exception {
        List<String> keys = IntStream.range(0, 40).mapToObj(i -> "pair-" + i + "-" + UUID.randomUUID()).toList();
        int perKey = 25;
        Set<UUID> written = new HashSet<>();
        for (int from = 1; from <= perKey; from += 5) {
            notes.addMany(keys, from, 5).forEach(e -> written.add(e.eventId()));
        }
        assertEquals(keys.size() * perKey, written.size());

        Producer<String, String> secondProducer = runner.newProducer("test-2");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> relays = List.of(relayUntilIdle(runner.newRelay(producer)),
                    relayUntilIdle(runner.newRelay(secondProducer)));
            int total = 0;
            List<Integer> perRelay = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(relays)) {
                perRelay.add(f.get());
                total += f.get();
            }
            assertEquals(written.size(), total, "rows marked sent by the two relays together " + perRelay);
        } finally {
            pool.shutdown();
            secondProducer.close();
        }
        assertEquals(0, sql.count("select count(*) from tsh_outbox where sent_at is null and message_key like 'pair-%'"));

        try (TopicProbe probe = TopicProbe.read(bootstrap, topic)) {
            List<ConsumerRecord<String, String>> records = probe.pollUntil(
                    r -> r.stream().filter(x -> x.key().startsWith("pair-")).count() >= written.size(), Duration.ofSeconds(60));
            Map<String, Integer> lastSeq = new HashMap<>();
            Set<UUID> seen = new HashSet<>();
            for (ConsumerRecord<String, String> r : records) {
                if (!keys.contains(r.key())) {
                    continue;
                }
                EventEnvelope<NoteAdded> e = EventJson.payload(EventJson.read(r.value()), notes.type());
                assertTrue(seen.add(e.eventId()), "published twice: " + e.eventId());
                int previous = lastSeq.getOrDefault(r.key(), 0);
                assertEquals(previous + 1, e.payload().seq(), "order of key " + r.key());
                lastSeq.put(r.key(), e.payload().seq());
            }
            assertEquals(written, seen);
        }
    }

    @Test
    void aFailedPublishIsRetriedLaterWithoutHoldingUpOtherKeys() throws Exception {
        String badKey = "bad-" + UUID.randomUUID();
        String goodKey = "good-" + UUID.randomUUID();
        // a topic name Kafka refuses: the send fails, as it would while a topic is unauthorised
        EventType<NoteAdded> refused = DemoNotes.type("not a valid topic!");
        EventEnvelope<NoteAdded> bad = notes.add(refused, badKey, 1, false);
        EventEnvelope<NoteAdded> laterOfBadKey = notes.add(refused, badKey, 2, false);
        EventEnvelope<NoteAdded> good = notes.add(goodKey, 1, false);

        drain(runner.newRelay(producer));

        assertEquals(1, sql.count("select attempts from tsh_outbox where event_id = ?", bad.eventId()));
        assertNotNull(sql.text("select last_error from tsh_outbox where event_id = ?", bad.eventId()));
        assertEquals(1, sql.count("select count(*) from tsh_outbox where event_id = ? and next_attempt_at > clock_timestamp()"
                + " and sent_at is null", bad.eventId()), "the failed row waits for its next attempt");
        assertEquals(1, sql.count("select count(*) from tsh_outbox where event_id = ? and sent_at is null", laterOfBadKey.eventId()),
                "a later event of the same key does not overtake it");
        assertNull(sql.text("select last_error from tsh_outbox where event_id = ?", good.eventId()));
        assertEquals(1, sql.count("select count(*) from tsh_outbox where event_id = ? and sent_at is not null", good.eventId()),
                "other keys are published");

        // give up on the impossible row so later tests start from an empty outbox
        sql.count("with d as (delete from tsh_outbox where message_key = ? returning 1) select count(*) from d", badKey);
    }

    @Test
    void aMalformedMessageGoesToTheDeadLetterTopicWithItsReasonAndThePartitionMovesOn() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        TopicProbe.send(bootstrap, topic, key, "{this is not an event");
        EventEnvelope<NoteAdded> after = notes.add(key, 1, false);
        drain(runner.newRelay(producer));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> sql.count("select count(*) from demo_applied where event_id = ?", after.eventId()) == 1);

        try (TopicProbe probe = TopicProbe.read(bootstrap, Topics.dlq(topic))) {
            List<ConsumerRecord<String, String>> dead = ofKey(probe.pollUntil(r -> has(r, key, 1), Duration.ofSeconds(30)), key);
            assertEquals(1, dead.size());
            assertEquals("{this is not an event", dead.get(0).value());
            String reason = header(dead.get(0), "dead-letter-reason");
            assertNotNull(reason);
            assertTrue(reason.contains("not a valid event envelope"), reason);
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("tsh_events_dead_lettered_total{topic=\"" + topic + "\"}"));
    }

    @Test
    void outboxFiguresAreOnTheMetricsEndpoint() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("tsh_outbox_backlog"))
                .body(containsString("tsh_outbox_oldest_pending_seconds"))
                .body(containsString("tsh_outbox_publish_lag_seconds"))
                .body(containsString("tsh_outbox_published_total"));
        given().get("/q/health/live").then().statusCode(200).body(containsString("outbox-relay"));
    }

    private static Callable<Integer> relayUntilIdle(OutboxRelay relay) {
        return () -> {
            int total = 0;
            int idle = 0;
            while (idle < 3) {
                int n = relay.runOnce();
                total += n;
                idle = n == 0 ? idle + 1 : 0;
                if (n == 0) {
                    Thread.sleep(20);
                }
            }
            return total;
        };
    }

    private static void drain(OutboxRelay relay) throws Exception {
        relayUntilIdle(relay).call();
    }

    private static List<ConsumerRecord<String, String>> ofKey(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    private static boolean has(List<ConsumerRecord<String, String>> records, String key, int count) {
        return ofKey(records, key).size() >= count;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
