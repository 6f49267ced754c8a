package com.tsh.erp.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A channel is declared by its topic; the prefix and the dead-letter topic follow from the outbox's rules. */
class MessagingDefaultsTest {

    private static SmallRyeConfig config(Map<String, String> properties, String profile) {
        return new SmallRyeConfigBuilder().withProfile(profile).withInterceptors(new MessagingDefaults())
                .withSources(new PropertiesConfigSource(new HashMap<>(properties), "test", 100)).build();
    }

    /** The topic and dead-letter topic that channel {@code channel} ends up with under these properties and profile. */
    private static SmallRyeConfig assertChannel(Map<String, String> properties, String profile, String channel,
                                                String topic, String deadLetterTopic) {
        SmallRyeConfig c = config(properties, profile);
        assertEquals(topic, c.getValue("mp.messaging.incoming." + channel + ".topic", String.class));
        assertEquals(deadLetterTopic, c.getValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class));
        return c;
    }

    @Test
    void theTopicAndItsDeadLetterTopicCarryTheRelaysPrefix() {
        assertChannel(Map.of(
                "mp.messaging.incoming.orders.topic", "orders.orders",
                "run-id", "r42",
                "%test.tsh.outbox.topic-prefix", "${run-id}."), "test",
                "orders", "r42.orders.orders", "r42.orders.orders.dlq");
    }

    @Test
    void withoutAPrefixTheNamesAreAsWritten() {
        assertChannel(Map.of("mp.messaging.incoming.zoho.topic", "zoho.inbound",
                "%test.tsh.outbox.topic-prefix", "t."), "prod",
                "zoho", "zoho.inbound", "zoho.inbound.dlq");
    }

    @Test
    void anExplicitDeadLetterTopicWinsAndAPrefixIsNotDoubled() {
        SmallRyeConfig c = assertChannel(Map.of(
                "mp.messaging.incoming.a.topic", "staging.a",
                "mp.messaging.incoming.a.dead-letter-queue.topic", "a-poison",
                "tsh.outbox.topic-prefix", "staging."), "prod",
                "a", "staging.a", "staging.a-poison");
        assertTrue(c.getOptionalValue("mp.messaging.incoming.b.dead-letter-queue.topic", String.class).isEmpty());
    }
}
