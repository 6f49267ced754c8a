package com.tsh.erp.outbox;

import com.tsh.erp.events.Correlation;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka. One call of {@link #runOnce()} is one cycle, in one database
 * transaction of the relay's own (never the business one):
 * <ol>
 * <li>claim up to {@code maxLanes} lanes that have pending rows, {@code FOR UPDATE SKIP LOCKED}, so
 * two relays (replicas) never hold the same lane, and so never publish the same row at once;</li>
 * <li>read the lanes' pending rows in id order, leaving out the rows of any key whose earlier row is
 * waiting for a retry, so a key's events never overtake each other;</li>
 * <li>send them (idempotent producer, acks=all) and wait for the acknowledgements; each record carries the
 * headers {@code eventType}, {@code eventId} and, when the event has one, its W3C {@code traceparent};</li>
 * <li>mark the acknowledged rows sent; a failed row gets its next attempt later (exponential backoff)
 * and the later rows of its key wait behind it; commit, which frees the lanes.</li>
 * </ol>
 * If the relay dies between sending and marking, the rows stay pending and are sent again:
 * delivery is at least once, and consumers apply each event id once.
 */
public final class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String CLAIM_LANES = """
            select l.lane from tsh_outbox_lane l
            where exists (select 1 from tsh_outbox o
                          where o.lane = l.lane and o.sent_at is null and o.next_attempt_at <= clock_timestamp())
            order by random()
            limit ?
            for update of l skip locked""";
    private static final String PENDING = """
            select id, event_id, topic, message_key, lane, event_type, envelope::text, created_at, attempts,
                   next_attempt_at <= clock_timestamp() as due, traceparent
            from tsh_outbox
            where sent_at is null and lane = any(?)
            order by lane, id
            limit ?""";
    private static final String MARK_SENT = "update tsh_outbox set sent_at = clock_timestamp(), last_error = null where id = any(?)";
    private static final String MARK_FAILED = """
            update tsh_outbox set attempts = attempts + 1, last_error = ?,
                   next_attempt_at = clock_timestamp() + ? * interval '1 millisecond'
            where id = ?""";

    /** What a relay needs to know; see {@link OutboxConfig} for the meaning of each. */
    public record Settings(int batchSize, int maxLanes, Duration retryInitialDelay, Duration retryMaxDelay, Duration sendTimeout,
                           String topicPrefix) {
        static Settings of(OutboxConfig c) {
            return new Settings(c.batchSize(), c.maxLanes(), c.retryInitialDelay(), c.retryMaxDelay(), c.sendTimeout(),
                    c.topicPrefix().orElse(""));
        }
    }

    /** Runs after the batch is acknowledged and before it is marked sent (tests use it to kill the relay there). */
    @FunctionalInterface
    public interface AfterSend {
        void run(List<UUID> sentEventIds);
    }

    private record Row(long id, UUID eventId, String topic, String key, int lane, String eventType, String envelope,
                       Instant createdAt, int attempts, boolean due, String traceparent) {
        String topicKey() {
            return topic + ' ' + key; // topic names have no spaces
        }
    }

    private final DataSource dataSource;
    private final Producer<String, String> producer;
    private final Settings settings;
    private final OutboxMetrics metrics;
    private volatile AfterSend afterSend = ids -> { };

    public OutboxRelay(DataSource dataSource, Producer<String, String> producer, Settings settings, OutboxMetrics metrics) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.settings = settings;
        this.metrics = metrics;
    }

    public OutboxRelay afterSend(AfterSend hook) {
        this.afterSend = hook;
        return this;
    }

    /** One claim, publish and mark cycle; returns how many rows were published. */
    public int runOnce() throws SQLException, InterruptedException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                int published = cycle(c);
                c.commit();
                return published;
            } catch (SQLException | RuntimeException | InterruptedException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private int cycle(Connection c) throws SQLException, InterruptedException {
        List<Integer> lanes = claimLanes(c);
        if (lanes.isEmpty()) {
            return 0;
        }
        Map<Integer, List<Row>> byLane = duePrefixes(pending(c, lanes));
        if (byLane.isEmpty()) {
            return 0;
        }

        // Send in order. A send that fails at once (the producer could not even reach the cluster for
        // metadata within max.block.ms) ends the sending of this cycle: the rest wait untouched for the
        // next one, so an outage costs one short wait a cycle instead of one for every row.
        Map<Row, Future<RecordMetadata>> inFlight = new LinkedHashMap<>();
        sending:
        for (List<Row> rows : byLane.values()) {
            for (Row row : rows) {
                Future<RecordMetadata> future = producer.send(record(row, settings.topicPrefix()));
                inFlight.put(row, future);
                if (future.isDone() && await(future, System.nanoTime()) != null) {
                    break sending;
                }
            }
        }

        List<Row> sent = new ArrayList<>();
        Map<Row, String> failed = new LinkedHashMap<>();
        Set<String> failedKeys = new HashSet<>();
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        for (List<Row> rows : byLane.values()) {
            for (Row row : rows) {
                if (!inFlight.containsKey(row)) {
                    continue; // not sent in this cycle
                }
                String error = await(inFlight.get(row), deadline);
                if (failedKeys.contains(row.topicKey())) {
                    continue; // stays pending behind the failed row of its key (sent again later if it did go out)
                }
                if (error == null) {
                    sent.add(row);
                } else {
                    failed.put(row, error);
                    failedKeys.add(row.topicKey());
                }
            }
        }

        afterSend.run(sent.stream().map(Row::eventId).toList());
        markSent(c, sent);
        for (Map.Entry<Row, String> f : failed.entrySet()) {
            markFailed(c, f.getKey(), f.getValue());
        }
        Instant acknowledged = Instant.now();
        sent.forEach(r -> metrics.published(r.createdAt(), acknowledged));
        return sent.size();
    }

    private List<Integer> claimLanes(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLAIM_LANES)) {
            ps.setInt(1, settings.maxLanes());
            List<Integer> lanes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lanes.add(rs.getInt(1));
                }
            }
            return lanes;
        }
    }

    private List<Row> pending(Connection c, List<Integer> lanes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PENDING)) {
            Array array = c.createArrayOf("smallint", lanes.toArray());
            ps.setArray(1, array);
            ps.setInt(2, settings.batchSize());
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getInt(9),
                            rs.getBoolean(10), rs.getString(11)));
                }
            }
            return rows;
        }
    }

    /**
     * Per lane, the rows in id order, leaving out every row of a key whose earlier row is waiting
     * for a retry: a key's events never overtake each other, and other keys are not held up.
     */
    private static Map<Integer, List<Row>> duePrefixes(List<Row> rows) {
        Map<Integer, List<Row>> byLane = new LinkedHashMap<>();
        Set<String> blockedKeys = new HashSet<>();
        for (Row row : rows) {
            if (blockedKeys.contains(row.topicKey())) {
                continue;
            }
            if (!row.due()) {
                blockedKeys.add(row.topicKey());
                continue;
            }
            byLane.computeIfAbsent(row.lane(), l -> new ArrayList<>()).add(row);
        }
        return byLane;
    }

    private static ProducerRecord<String, String> record(Row row, String topicPrefix) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topicPrefix + row.topic(), row.key(), row.envelope());
        record.headers().add(new RecordHeader("eventType", row.eventType().getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("eventId", row.eventId().toString().getBytes(StandardCharsets.UTF_8)));
        if (row.traceparent() != null) {
            // the envelope's trace as the W3C header too, for tools that read traces from record headers
            record.headers().add(new RecordHeader(Correlation.TRACEPARENT_HEADER, row.traceparent().getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    /** Null when acknowledged, otherwise why not. */
    private static String await(Future<RecordMetadata> future, long deadlineNanos) throws InterruptedException {
        try {
            future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        } catch (TimeoutException e) {
            return "no acknowledgement from Kafka in time";
        }
    }

    private static void markSent(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(MARK_SENT)) {
            ps.setArray(1, c.createArrayOf("bigint", rows.stream().map(Row::id).toArray()));
            ps.executeUpdate();
        }
    }

    private void markFailed(Connection c, Row row, String error) throws SQLException {
        long delay = backoffMillis(row.attempts());
        LOG.warnf("Publishing outbox event %s (%s to %s) failed, attempt %d, next try in %d ms: %s",
                row.eventId(), row.eventType(), row.topic(), row.attempts() + 1, delay, error);
        metrics.publishFailed();
        try (PreparedStatement ps = c.prepareStatement(MARK_FAILED)) {
            ps.setString(1, error);
            ps.setLong(2, delay);
            ps.setLong(3, row.id());
            ps.executeUpdate();
        }
    }

    long backoffMillis(int previousAttempts) {
        long initial = settings.retryInitialDelay().toMillis();
        long max = settings.retryMaxDelay().toMillis();
        int shift = Math.min(previousAttempts, 20);
        return Math.min(max, initial << shift);
    }

}
