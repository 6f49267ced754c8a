package com.tsh.erp.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Outbox and consumer figures on /q/metrics:
 * {@code tsh_outbox_backlog} (rows not yet published), {@code tsh_outbox_oldest_pending_seconds},
 * {@code tsh_outbox_publish_lag_seconds} (commit to Kafka acknowledgement, with percentiles),
 * {@code tsh_outbox_published_total}, {@code tsh_outbox_publish_failures_total} and
 * {@code tsh_events_dead_lettered_total{topic}}.
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    @Inject
    MeterRegistry registry;
    @Inject
    DataSource dataSource;

    private Timer publishLag;
    private Counter published;
    private Counter publishFailures;
    private final ConcurrentHashMap<String, Counter> deadLettered = new ConcurrentHashMap<>();

    @PostConstruct
    void register() {
        publishLag = Timer.builder("tsh.outbox.publish.lag")
                .description("Time from writing an outbox row to Kafka acknowledging it")
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .register(registry);
        published = Counter.builder("tsh.outbox.published").description("Outbox rows published").register(registry);
        publishFailures = Counter.builder("tsh.outbox.publish.failures")
                .description("Outbox rows whose publication failed and will be retried").register(registry);
        Gauge.builder("tsh.outbox.backlog", this, OutboxMetrics::backlog)
                .description("Outbox rows waiting to be published").register(registry);
        Gauge.builder("tsh.outbox.oldest.pending", this, OutboxMetrics::oldestPendingSeconds)
                .description("Age in seconds of the oldest unpublished outbox row").baseUnit("seconds").register(registry);
    }

    /** Outbox rows waiting to be published (NaN when the database cannot be read). */
    double backlog() {
        return query("select count(*) from tsh_outbox where sent_at is null");
    }

    /** Age in seconds of the oldest unpublished row, 0 when none waits (NaN when the database cannot be read). */
    double oldestPendingSeconds() {
        return query("select coalesce(extract(epoch from clock_timestamp() - min(created_at)), 0) from tsh_outbox where sent_at is null");
    }

    void published(Instant createdAt, Instant acknowledgedAt) {
        published.increment();
        publishLag.record(Duration.between(createdAt, acknowledgedAt));
    }

    void publishFailed() {
        publishFailures.increment();
    }

    void deadLettered(String topic) {
        deadLettered.computeIfAbsent(topic, t -> Counter.builder("tsh.events.dead.lettered")
                .description("Messages sent to the dead-letter topic").tag("topic", t).register(registry)).increment();
    }

    private double query(String sql) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getDouble(1) : 0;
        } catch (SQLException e) {
            LOG.debugf("outbox gauge unavailable: %s", e.getMessage());
            return Double.NaN;
        }
    }
}
