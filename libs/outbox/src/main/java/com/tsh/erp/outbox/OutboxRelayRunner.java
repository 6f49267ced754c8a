package com.tsh.erp.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the relay of this process on a thread of its own: publish while there is work, otherwise
 * wait for a local commit or the poll interval. Also deletes published outbox rows and handled
 * inbox ids older than the retention, once an hour.
 */
@ApplicationScoped
public class OutboxRelayRunner {

    private static final Logger LOG = Logger.getLogger(OutboxRelayRunner.class);
    private static final Duration CLEANUP_EVERY = Duration.ofHours(1);

    @Inject
    OutboxConfig config;
    @Inject
    DataSource dataSource;
    @Inject
    OutboxSignal signal;
    @Inject
    OutboxMetrics metrics;
    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.application.name", defaultValue = "tsh")
    String applicationName;

    private volatile boolean running;
    private volatile Thread thread;
    private Producer<String, String> producer;

    void onStart(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled in this process (tsh.outbox.relay-enabled=false)");
            return;
        }
        producer = newProducer("relay");
        OutboxRelay relay = newRelay(producer);
        running = true;
        thread = new Thread(() -> loop(relay), "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        Thread t = thread;
        if (t != null) {
            signal.wake();
            try {
                t.join(config.sendTimeout().toMillis() + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** A relay over this service's outbox with the given producer (the running one, or a test's or a benchmark's own). */
    public OutboxRelay newRelay(Producer<String, String> producer) {
        return new OutboxRelay(dataSource, producer, OutboxRelay.Settings.of(config), metrics);
    }

    /** An idempotent producer (acks=all): a retried send never duplicates or reorders within a partition. */
    public Producer<String, String> newProducer(String purpose) {
        return newProducer(purpose, bootstrapServers);
    }

    /** The same, to another cluster (a test's own broker). */
    public Producer<String, String> newProducer(String purpose, String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-" + purpose);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(11000, config.sendTimeout().toMillis())));
        // how long a send may wait for the cluster's metadata; the relay stops a cycle at the first such failure
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** For the liveness check: false when the relay should run but its thread has died. */
    public boolean isAlive() {
        return !running || (thread != null && thread.isAlive());
    }

    public boolean isRunning() {
        return running;
    }

    private void loop(OutboxRelay relay) {
        long nextCleanup = System.nanoTime();
        Duration errorDelay = Duration.ofMillis(200);
        while (running) {
            try {
                int published = relay.runOnce();
                errorDelay = Duration.ofMillis(200);
                if (published < config.batchSize()) {
                    signal.await(config.pollInterval());
                }
                if (System.nanoTime() - nextCleanup > 0) {
                    cleanup();
                    nextCleanup = System.nanoTime() + CLEANUP_EVERY.toNanos();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("Outbox relay cycle failed, retrying in %d ms: %s", errorDelay.toMillis(), e.getMessage());
                try {
                    Thread.sleep(errorDelay.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                errorDelay = errorDelay.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                        ? Duration.ofSeconds(10) : errorDelay.multipliedBy(2);
            }
        }
    }

    /** Deletes published outbox rows, handled inbox ids and idempotency keys older than their retention; returns how many. */
    public int cleanup() throws SQLException {
        int deleted = 0;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "delete from tsh_outbox where sent_at < clock_timestamp() - ? * interval '1 second'")) {
                ps.setLong(1, config.retention().toSeconds());
                deleted += ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "delete from tsh_inbox where processed_at < clock_timestamp() - ? * interval '1 second'")) {
                ps.setLong(1, config.inboxRetention().toSeconds());
                deleted += ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("delete from tsh_idempotency_key where expires_at <= now()")) {
                deleted += ps.executeUpdate();
            }
        }
        return deleted;
    }
}
