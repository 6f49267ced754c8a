package com.tsh.erp.zoho;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.Topics;
import com.tsh.erp.testing.TopicProbe;
import com.tsh.erp.zoho.client.ZohoApi;
import com.tsh.erp.zoho.pull.IncrementalPull;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The incremental pull: the first takes everything Zoho has; the next only what changed since (Zoho's
 * last_modified_time), published on zoho.inbound with origin zoho.
 */
@QuarkusTest
class PullTest extends ZohoTestBase {

    @Inject
    IncrementalPull pull;
    @Inject
    ZohoApi zoho;

    @Test
    void theNextPullTakesOnlyWhatChangedInZoho() throws Exception {
        sim.seed(30, 0);
        try (TopicProbe probe = run.probe(Topics.ZOHO_INBOUND)) {
            // earlier tests' pushes whose echo a pull skips
            java.util.Set<String> echoes = sim.records("items").stream().filter(r -> isEcho("product", r, "item_id"))
                    .map(r -> r.path("item_id").asText()).collect(Collectors.toSet());
            assertTrue(pull.pull("items"));
            int all = (int) sim.records("items").stream().filter(r -> !echoes.contains(r.path("item_id").asText())).count();
            List<ConsumerRecord<String, String>> first = probe.pollUntil(rs -> rs.size() >= all, Duration.ofSeconds(60));
            assertEquals(all, first.size(), "the first pull took every item once");

            // the next pull starts one second before the newest time taken: those records come again (and are applied once)
            List<JsonNode> before = sim.records("items");
            java.time.Instant newest = before.stream().map(r -> com.tsh.erp.zoho.client.ZohoRecords.time(r.get("last_modified_time")))
                    .max(java.util.Comparator.naturalOrder()).orElseThrow();
            java.util.Set<String> expected = before.stream()
                    .filter(r -> !echoes.contains(r.path("item_id").asText()))
                    .filter(r -> !com.tsh.erp.zoho.client.ZohoRecords.time(r.get("last_modified_time")).isBefore(newest.minusSeconds(1)))
                    .map(r -> r.path("item_id").asText()).collect(Collectors.toCollection(java.util.HashSet::new));
            // someone changes one item in Zoho
            JsonNode item = before.get(0);
            expected.add(item.path("item_id").asText());
            String id = item.path("item_id").asText();
            Thread.sleep(1_100); // Zoho's times have whole seconds: the change is after everything the first pull took
            zoho.put(ZohoApi.Product.INVENTORY, "/items/" + id, ZohoSim.object().put("name", item.path("name").asText())
                    .put("rate", 999.5));
            assertTrue(pull.pull("items"));
            List<ConsumerRecord<String, String>> seen = probe.pollFor(Duration.ofSeconds(3)); // the probe returns all it has seen
            List<ConsumerRecord<String, String>> second = seen.subList(first.size(), seen.size());
            Map<String, Long> byKey = second.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertEquals(expected, byKey.keySet(), "the changed item and the overlap second's, nothing older");
            assertEquals(1L, byKey.get(id), "the changed item once");
            EventEnvelope<JsonNode> event = com.tsh.erp.events.EventJson.read(second.stream().filter(r -> r.key().equals(id)).findFirst()
                    .orElseThrow().value());
            assertEquals("ZohoItemChanged", event.eventType());
            assertEquals(EventEnvelope.ORIGIN_ZOHO, event.origin());
            assertEquals("999.5", event.payload().path("rate").asText());
        }
    }
}
