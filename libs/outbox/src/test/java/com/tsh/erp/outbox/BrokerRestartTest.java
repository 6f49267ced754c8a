package com.tsh.erp.outbox;

import com.tsh.erp.testing.Db;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.testing.DevStackTestResource;
import com.tsh.erp.devstack.StandaloneBroker;
import com.tsh.erp.testing.TopicProbe;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.outbox.demo.DemoNotes;
import com.tsh.erp.outbox.demo.NoteAdded;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The broker goes away and comes back: events written meanwhile wait in the outbox and none is lost. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tsh_outbox_test"))
class BrokerRestartTest {

    @Inject
    DemoNotes notes;
    @Inject
    OutboxRelayRunner runner;
    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "tsh.test.topic")
    String topic;

    @Test
    void eventsWrittenWhileTheBrokerIsDownArePublishedInOrderOnceItIsBack() throws Exception {
        Db sql = new Db(dataSource);
        List<String> keys = IntStream.range(0, 5).mapToObj(i -> "restart-" + i + "-" + UUID.randomUUID()).toList();
        String mine = "message_key like 'restart-%'";
        try (StandaloneBroker broker = StandaloneBroker.start(19092, 19093)) {
            Producer<String, String> producer = runner.newProducer("restart-test", broker.bootstrap());
            try {
                OutboxRelay relay = runner.newRelay(producer);
                notes.addMany(keys, 1, 10);
                drainMine(relay, sql, mine);

                broker.stop();
                notes.addMany(keys, 11, 10);
                relay.runOnce(); // every send fails: the rows stay, with an attempt and the error
                assertEquals(50, sql.count("select count(*) from tsh_outbox where " + mine + " and sent_at is null"));
                assertTrue(sql.count("select count(*) from tsh_outbox where " + mine + " and attempts > 0 and last_error is not null") > 0);

                broker.startAgain();
                drainMine(relay, sql, mine);
            } finally {
                producer.close();
            }

            try (TopicProbe probe = TopicProbe.read(broker.bootstrap(), topic)) {
                List<ConsumerRecord<String, String>> records = probe.pollUntil(
                        r -> r.stream().map(ConsumerRecord::key).filter(keys::contains).distinct().count() == keys.size()
                                && r.stream().filter(x -> keys.contains(x.key())).map(x -> x.value()).distinct().count() >= 100,
                        Duration.ofSeconds(60));
                Map<String, Integer> lastSeq = new HashMap<>();
                Set<UUID> seen = new HashSet<>();
                for (ConsumerRecord<String, String> r : records) {
                    if (!keys.contains(r.key())) {
                        continue;
                    }
                    EventEnvelope<NoteAdded> e = EventJson.payload(EventJson.read(r.value()), notes.type());
                    if (!seen.add(e.eventId())) {
                        continue; // a redelivery (at least once); consumers drop it by its id
                    }
                    int previous = lastSeq.getOrDefault(r.key(), 0);
                    assertEquals(previous + 1, e.payload().seq(), "order of key " + r.key());
                    lastSeq.put(r.key(), e.payload().seq());
                }
                assertEquals(100, seen.size(), "every event written, before and during the outage, arrived");
                keys.forEach(k -> assertEquals(20, lastSeq.get(k)));
            }
        }
    }

    private static void drainMine(OutboxRelay relay, Db sql, String mine) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (sql.count("select count(*) from tsh_outbox where " + mine + " and sent_at is null") > 0) {
            assertTrue(System.nanoTime() < deadline, "the outbox drained in time");
            if (relay.runOnce() == 0) {
                Thread.sleep(200);
            }
        }
    }
}
