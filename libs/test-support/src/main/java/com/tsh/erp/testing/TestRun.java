package com.tsh.erp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * This test run's Kafka as a test sees it: its own topics ({@code <run id>.<topic>}, the prefix the
 * relay publishes under and the consumers follow), sending raw records and reading events back.
 * Use it as a field of a {@code @QuarkusTest}: {@code private final TestRun run = new TestRun();}. It reads
 * the run's configuration (set by {@link DevStackTestResource}) on first use, so it may be created before
 * the application has started.
 */
public final class TestRun {

    private volatile String runId;
    private volatile String bootstrap;

    private void resolve() {
        if (runId == null) {
            Config config = ConfigProvider.getConfig();
            bootstrap = config.getValue("kafka.bootstrap.servers", String.class);
            runId = config.getValue("tsh.test.run-id", String.class);
        }
    }

    public String id() {
        resolve();
        return runId;
    }

    public String bootstrap() {
        resolve();
        return bootstrap;
    }

    /** This run's copy of a topic. */
    public String topic(String name) {
        return id() + "." + name;
    }

    /** Sends a raw record to this run's copy of the topic. */
    public void send(String topic, String key, String value) {
        TopicProbe.send(bootstrap(), topic(topic), key, value);
    }

    /** A probe reading this run's copy of the topics from their beginning. */
    public TopicProbe probe(String... topics) {
        return TopicProbe.read(bootstrap(), java.util.Arrays.stream(topics).map(this::topic).toArray(String[]::new));
    }

    /**
     * The events of the given types for these keys on this run's copy of the topic, by key in the
     * order sent. Reads until {@code expected} such events have come, then two seconds more, so that
     * an event too many is seen too.
     */
    public Map<String, List<EventEnvelope<JsonNode>>> events(String topic, Collection<String> keys, Set<String> types,
                                                             int expected) {
        Set<String> wanted = Set.copyOf(keys);
        try (TopicProbe probe = probe(topic)) {
            probe.pollUntil(rs -> matching(rs, wanted, types).size() >= expected, Duration.ofSeconds(90));
            Map<String, List<EventEnvelope<JsonNode>>> byKey = new LinkedHashMap<>();
            for (EventEnvelope<JsonNode> e : matching(probe.pollFor(Duration.ofSeconds(2)), wanted, types)) {
                byKey.computeIfAbsent(e.aggregateId(), k -> new ArrayList<>()).add(e);
            }
            return byKey;
        }
    }

    /** Every event for one key on this run's copy of the topic, once at least {@code atLeast} have come. */
    public List<EventEnvelope<JsonNode>> events(String topic, String key, int atLeast) {
        try (TopicProbe probe = probe(topic)) {
            return probe.pollUntil(rs -> rs.stream().filter(r -> key.equals(r.key())).count() >= atLeast, Duration.ofSeconds(30))
                    .stream().filter(r -> key.equals(r.key())).map(r -> EventJson.read(r.value())).toList();
        }
    }

    private static List<EventEnvelope<JsonNode>> matching(List<ConsumerRecord<String, String>> records, Set<String> keys,
                                                          Set<String> types) {
        return records.stream().filter(r -> keys.contains(r.key())).map(r -> EventJson.read(r.value()))
                .filter(e -> types.contains(e.eventType())).toList();
    }
}
