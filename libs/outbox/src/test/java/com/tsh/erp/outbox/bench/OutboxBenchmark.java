package com.tsh.erp.outbox.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tsh.erp.bench.BenchmarkReport;
import com.tsh.erp.testing.DevStackTestResource;
import com.tsh.erp.testing.TestRun;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.outbox.demo.DemoNotes;
import com.tsh.erp.outbox.demo.NoteAdded;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Commit-to-Kafka latency of the outbox at 100 and 1,000 events/s. Latency runs from the moment the business transaction's commit returns to the moment
 * a consumer receives the event (so it includes the relay's claim, the send with acks=all and the
 * consumer's fetch). Not part of the test suite (no *Test name); run it with the command in
 * BENCHMARKS.md. Figures go to BENCHMARKS.md.
 */
@QuarkusTest
@TestProfile(RelayRunningProfile.class)
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tsh_outbox_bench"))
class OutboxBenchmark {

    static final String COMMAND = "./mvnw -B verify -pl libs/outbox -Dtest=OutboxBenchmark -Dsurefire.failIfNoSpecifiedTests=false";

    private final TestRun run = new TestRun();

    @Inject
    DemoNotes notes;

    private final Map<UUID, Long> committed = new ConcurrentHashMap<>();
    private final Map<UUID, Long> received = new ConcurrentHashMap<>();

    @Test
    void measure() throws Exception {
        AtomicBoolean consuming = new AtomicBoolean(true);
        Thread consumer = new Thread(() -> consume(consuming), "bench-consumer");
        consumer.start();
        try {
            rate(200, Duration.ofSeconds(3)); // warm-up: JIT, connections, partitions assigned
            committed.clear();
            received.clear();

            String at100 = rate(100, Duration.ofSeconds(20));
            String at1000 = rate(1000, Duration.ofSeconds(20));

            String body = """
                    | offered load | events | p50 | p95 | p99 | max |
                    |---|---|---|---|---|---|
                    %s
                    %s

                    Latency is measured from the return of the business transaction's commit to the
                    event's arrival at a consumer (relay claim, send with acks=all, consumer fetch),
                    one event a transaction, 8 writer threads, the service's own background relay.
                    Target: p95 under 50 ms at 1,000 events/s.
                    """.formatted(at100, at1000);
            System.out.println(body);
            BenchmarkReport.write("outbox-latency", "Outbox: commit-to-Kafka latency", COMMAND, body);
        } finally {
            consuming.set(false);
            consumer.join();
        }
    }

    /** Commits events at the given rate for the duration (one event a transaction, 8 writers), then reports the latencies. */
    private String rate(int perSecond, Duration duration) throws Exception {
        committed.clear();
        received.clear();
        long total = perSecond * duration.toSeconds();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        for (int w = 0; w < 8; w++) {
            writers.submit(() -> {
                long i;
                while ((i = next.getAndIncrement()) < total) {
                    long slot = start + i * intervalNanos;
                    long wait = slot - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    EventEnvelope<NoteAdded> e = notes.add("k-" + (i % 500), (int) i, false);
                    committed.put(e.eventId(), System.nanoTime());
                }
                return null;
            });
        }
        writers.shutdown();
        writers.awaitTermination(duration.toSeconds() * 4 + 60, TimeUnit.SECONDS);
        awaitAllReceived(total);
        return row(perSecond + " events/s for " + duration.toSeconds() + " s", total);
    }

    private void awaitAllReceived(long total) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (received.keySet().stream().filter(committed::containsKey).count() < total && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(total, received.keySet().stream().filter(committed::containsKey).count(), "every event arrives");
    }

    private String row(String load, long total) {
        Histogram h = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        committed.forEach((id, at) -> {
            Long got = received.get(id);
            // received before the writer noted its commit time: the relay beat the writer thread; count as 0
            h.recordValue(Math.max(0, (got - at) / 1000));
        });
        return String.format("| %s | %,d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |", load, total,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    private void consume(AtomicBoolean running) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, run.bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(notes.topic()));
            while (running.get()) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    var h = r.headers().lastHeader("eventId");
                    if (h != null) {
                        received.putIfAbsent(UUID.fromString(new String(h.value(), StandardCharsets.UTF_8)), now);
                    }
                }
            }
        }
    }
}
