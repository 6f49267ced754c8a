package com.tsh.erp.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.testing.Db;
import com.tsh.erp.testing.DevStackTestResource;
import com.tsh.erp.testing.TestRun;
import com.tsh.erp.testing.TopicProbe;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.EventType;
import com.tsh.erp.events.Topics;
import com.tsh.erp.outbox.demo.DemoNotes;
import com.tsh.erp.outbox.demo.NotesSeen;
import com.tsh.erp.outbox.demo.NoteAdded;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tsh_outbox_test"))
class OutboxTest {

    private static final Duration IDLE_PAUSE = Duration.ofMillis(20);

    private final TestRun run = new TestRun();
    private final Db sql = new Db();

    @Inject
    DemoNotes notes;
    @Inject
    OutboxWriter outbox;
    @Inject
    OutboxRelayRunner runner;
    @Inject
    Relays relays;
    @Inject
    Tracer tracer;

    private Producer<String, String> producer;

    @BeforeEach
    void setUp() throws Exception {
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

        try (TopicProbe probe = TopicProbe.read(run.bootstrap(), notes.topic())) {
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
            // written outside any trace: none on the envelope, no header
            assertNull(published.traceparent());
            assertNull(header(record, "traceparent"));
        }
    }

    @Test
    void anEventWrittenInATraceCarriesItInItsEnvelopeAndAsTheRecordsTraceparentHeader() throws Exception {
        String key = "traced-" + UUID.randomUUID();
        Span span = tracer.spanBuilder("a request").startSpan();
        EventEnvelope<NoteAdded> event;
        try (Scope ignored = span.makeCurrent()) {
            event = notes.add(key, 1, false);
        } finally {
            span.end();
        }
        String traceparent = "00-" + span.getSpanContext().getTraceId() + "-" + span.getSpanContext().getSpanId() + "-01";
        assertEquals(traceparent, event.traceparent());

        drain(runner.newRelay(producer));
        try (TopicProbe probe = TopicProbe.read(run.bootstrap(), notes.topic())) {
            ConsumerRecord<String, String> record = ofKey(probe.pollUntil(r -> has(r, key, 1), Duration.ofSeconds(30)), key).get(0);
            assertEquals(traceparent, EventJson.read(record.value()).traceparent());
            assertEquals(traceparent, header(record, "traceparent"));
        }
    }

    @Test
    void aRolledBackTransactionWritesAndPublishesNothing() throws Exception {
        String key = "rollback-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> notes.add(key, 1, true));

        assertEquals(0, sql.count("select count(*) from demo_note where note_key = ?", key));
        assertEquals(0, sql.count("select count(*) from tsh_outbox where message_key = ?", key));
        assertEquals(0, runner.newRelay(producer).runOnce());
        try (TopicProbe probe = TopicProbe.read(run.bootstrap(), notes.topic())) {
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

        try (TopicProbe probe = TopicProbe.read(run.bootstrap(), notes.topic())) {
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

        List<Integer> perRelay = relays.sideBySide(2, IDLE_PAUSE);
        assertEquals(written.size(), perRelay.stream().mapToInt(Integer::intValue).sum(),
                "rows marked sent by the two relays together " + perRelay);
        assertEquals(0, sql.count("select count(*) from tsh_outbox where sent_at is null and message_key like 'pair-%'"));

        try (TopicProbe probe = TopicProbe.read(run.bootstrap(), notes.topic())) {
            List<ConsumerRecord<String, String>> records = probe.pollUntil(
                    r -> r.stream().filter(x -> x.key().startsWith("pair-")).count() >= written.size(), Duration.ofSeconds(60));
            assertEquals(written, NotesSeen.read(records, keys, notes.type(), false).ids());
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
        TopicProbe.send(run.bootstrap(), notes.topic(), key, "{this is not an event");
        EventEnvelope<NoteAdded> after = notes.add(key, 1, false);
        drain(runner.newRelay(producer));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> sql.count("select count(*) from demo_applied where event_id = ?", after.eventId()) == 1);

        try (TopicProbe probe = TopicProbe.read(run.bootstrap(), Topics.dlq(notes.topic()))) {
            List<ConsumerRecord<String, String>> dead = ofKey(probe.pollUntil(r -> has(r, key, 1), Duration.ofSeconds(30)), key);
            assertEquals(1, dead.size());
            assertEquals("{this is not an event", dead.get(0).value());
            String reason = header(dead.get(0), "dead-letter-reason");
            assertNotNull(reason);
            assertTrue(reason.contains("not a valid event envelope"), reason);
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("tsh_events_dead_lettered_total{topic=\"" + notes.topic() + "\"}"));
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

    private static void drain(OutboxRelay relay) throws Exception {
        Relays.untilIdle(relay, IDLE_PAUSE);
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
