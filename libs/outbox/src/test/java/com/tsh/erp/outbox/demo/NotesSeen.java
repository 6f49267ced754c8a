package com.tsh.erp.outbox.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.EventType;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The notes of some keys as a consumer reads them from the topic, checked on the way: per key, each
 * note follows the one before it (seq + 1), so the relay kept every key's order.
 *
 * @param ids     the events seen (each once)
 * @param lastSeq the last seq seen per key
 */
public record NotesSeen(Set<UUID> ids, Map<String, Integer> lastSeq) {

    /**
     * Reads the records of {@code keys}; with {@code redeliveries} an event seen again is skipped, as
     * consumers drop it by its id (at-least-once delivery), without it an event seen twice fails.
     */
    public static NotesSeen read(List<ConsumerRecord<String, String>> records, Collection<String> keys,
                                 EventType<NoteAdded> type, boolean redeliveries) {
        Map<String, Integer> lastSeq = new HashMap<>();
        Set<UUID> seen = new HashSet<>();
        for (ConsumerRecord<String, String> r : records) {
            if (!keys.contains(r.key())) {
                continue;
            }
            EventEnvelope<NoteAdded> e = EventJson.payload(EventJson.read(r.value()), type);
            if (!seen.add(e.eventId())) {
                assertTrue(redeliveries, "published twice: " + e.eventId());
                continue;
            }
            int previous = lastSeq.getOrDefault(r.key(), 0);
            assertEquals(previous + 1, e.payload().seq(), "order of key " + r.key());
            lastSeq.put(r.key(), e.payload().seq());
        }
        return new NotesSeen(seen, lastSeq);
    }
}
