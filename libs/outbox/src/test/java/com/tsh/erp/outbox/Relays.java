package com.tsh.erp.outbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.testing.Concurrently;
import com.tsh.erp.testing.Db;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.Producer;

/**
 * Relays driven by hand, as this module's tests and benchmarks do (the background relay is off in
 * them): one until it is idle, several side by side, or one until given rows are sent.
 */
@ApplicationScoped
public class Relays {

    @Inject
    OutboxRelayRunner runner;

    private final Db db = new Db();

    /** Runs the relay until three cycles in a row publish nothing, pausing after each idle one; how many it published. */
    public static int untilIdle(OutboxRelay relay, Duration idlePause) throws Exception {
        int total = 0;
        int idle = 0;
        while (idle < 3) {
            int n = relay.runOnce();
            total += n;
            idle = n == 0 ? idle + 1 : 0;
            if (n == 0 && !idlePause.isZero()) {
                Thread.sleep(idlePause.toMillis());
            }
        }
        return total;
    }

    /** {@code count} relays, each on a producer of its own, run side by side until each is idle; how many each published. */
    public List<Integer> sideBySide(int count, Duration idlePause) throws Exception {
        List<Producer<String, String>> producers = new ArrayList<>();
        List<Callable<Integer>> relays = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Producer<String, String> p = runner.newProducer("side-by-side-" + i);
                producers.add(p);
                OutboxRelay relay = runner.newRelay(p);
                relays.add(() -> untilIdle(relay, idlePause));
            }
            return Concurrently.run(count, relays);
        } finally {
            producers.forEach(Producer::close);
        }
    }

    /** Runs the relay until no outbox row matching {@code where} is pending, for at most 90 seconds. */
    public void drain(OutboxRelay relay, String where) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (pending(where) > 0) {
            assertTrue(System.nanoTime() < deadline, "the outbox drained in time");
            if (relay.runOnce() == 0) {
                Thread.sleep(200);
            }
        }
    }

    /** How many outbox rows matching {@code where} (SQL over tsh_outbox) wait to be sent. */
    public long pending(String where) {
        return db.count("select count(*) from tsh_outbox where (" + where + ") and sent_at is null");
    }
}
