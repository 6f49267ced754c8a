package com.tsh.erp.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.testing.DevStackTestResource;
import com.tsh.erp.devstack.StandaloneBroker;
import com.tsh.erp.testing.TopicProbe;
import com.tsh.erp.outbox.demo.DemoNotes;
import com.tsh.erp.outbox.demo.NotesSeen;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;

/** The broker goes away and comes back: events written meanwhile wait in the outbox and none is lost. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tsh_outbox_test"))
class BrokerRestartTest {

    private static final String MINE = "message_key like 'restart-%'";

    @Inject
    DemoNotes notes;
    @Inject
    OutboxRelayRunner runner;
    @Inject
    Relays relays;

    @Test
    void eventsWrittenWhileTheBrokerIsDownArePublishedInOrderOnceItIsBack() throws Exception {
        List<String> keys = IntStream.range(0, 5).mapToObj(i -> "restart-" + i + "-" + UUID.randomUUID()).toList();
        try (StandaloneBroker broker = StandaloneBroker.start(19092, 19093)) {
            // The topic exists before the first event, as every topic does in production (declared, not
            // auto-created): on a topic the first send creates, the producer's first batches can meet a
            // partition without a leader yet and be retried behind later ones, which is not what this
            // test is about (the outage below is). See the README's closing notes on the relay.
            try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of(
                    org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(notes.topic(), 3, (short) 1))).all()
                        .get(60, java.util.concurrent.TimeUnit.SECONDS);
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> admin.describeTopics(List.of(notes.topic()))
                        .allTopicNames().get().get(notes.topic()).partitions().stream().allMatch(x -> x.leader() != null));
            }
            Producer<String, String> producer = runner.newProducer("restart-test", broker.bootstrap());
            try {
                OutboxRelay relay = runner.newRelay(producer);
                notes.addMany(keys, 1, 10);
                relays.drain(relay, MINE);

                broker.stop();
                notes.addMany(keys, 11, 10);
                relay.runOnce(); // every send fails: the rows stay, with an attempt and the error
                assertEquals(50, relays.pending(MINE));
                assertTrue(relays.pending(MINE + " and attempts > 0 and last_error is not null") > 0);

                broker.startAgain();
                relays.drain(relay, MINE);
            } finally {
                producer.close();
            }

            try (TopicProbe probe = TopicProbe.read(broker.bootstrap(), notes.topic())) {
                List<ConsumerRecord<String, String>> records = probe.pollUntil(
                        r -> r.stream().map(ConsumerRecord::key).filter(keys::contains).distinct().count() == keys.size()
                                && r.stream().filter(x -> keys.contains(x.key())).map(x -> x.value()).distinct().count() >= 100,
                        Duration.ofSeconds(60));
                NotesSeen seen = NotesSeen.read(records, keys, notes.type(), true);
                assertEquals(100, seen.ids().size(), "every event written, before and during the outage, arrived");
                keys.forEach(k -> assertEquals(20, seen.lastSeq().get(k)));
            }
        }
    }
}
