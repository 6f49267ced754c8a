package com.tsh.erp.outbox.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tsh.erp.bench.BenchmarkReport;
import com.tsh.erp.testing.DevStackTestResource;
import com.tsh.erp.outbox.Relays;
import com.tsh.erp.outbox.demo.DemoNotes;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The highest rate the relay sustains: a backlog of 100,000 events is written first (relay off),
 * then one relay, and then two relays side by side (two replicas), publish until it is empty.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "tsh_outbox_bench"))
class RelayThroughputBenchmark {

    static final String COMMAND = "./mvnw -B verify -pl libs/outbox -Dtest=RelayThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false";
    static final int BACKLOG = 100_000;

    @Inject
    DemoNotes notes;
    @Inject
    Relays relays;

    @Test
    void measure() throws Exception {
        drain(1); // anything left by the application's start
        String one = run(1);
        String two = run(2);
        String body = """
                | relays | events | time | rate |
                |---|---|---|---|
                %s
                %s

                Each relay claims lanes, sends with an idempotent producer (acks=all), waits for the
                acknowledgements and marks the rows sent, 500 rows a cycle. With two relays (two
                replicas) one relay's database round trips overlap the other's Kafka waits, even with
                the database, the broker and both relays on the same 2 cores.
                """.formatted(one, two);
        System.out.println(body);
        BenchmarkReport.write("outbox-throughput", "Outbox: maximum sustained publish rate", COMMAND, body);
    }

    private String run(int relays) throws Exception {
        List<String> keys = IntStream.range(0, 1000).mapToObj(i -> "t-" + UUID.randomUUID()).toList();
        for (int from = 0; from < BACKLOG / keys.size(); from += 5) {
            notes.addMany(keys, from, 5);
        }
        assertEquals(BACKLOG, pending());
        long start = System.nanoTime();
        int published = drain(relays);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, pending());
        return String.format("| %d | %,d | %.1f s | **%,.0f events/s** |", relays, published, seconds, published / seconds);
    }

    /** The given number of relays side by side, without pausing, until the outbox is empty; how many they published. */
    private int drain(int count) throws Exception {
        return relays.sideBySide(count, Duration.ZERO).stream().mapToInt(Integer::intValue).sum();
    }

    private long pending() {
        return relays.pending("true");
    }
}
