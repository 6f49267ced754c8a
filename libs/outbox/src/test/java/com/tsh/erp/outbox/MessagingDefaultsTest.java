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

    @Test
    void theTopicAndItsDeadLetterTopicCarryTheRelaysPrefix() {
        SmallRyeConfig c = config(Map.of(
                "mp.messaging.incoming.orders.topic", "orders.orders",
                "run-id", "r42",
                "%test.tsh.outbox.topic-prefix", "${run-id}."), "test");
        assertEquals("r42.orders.orders", c.getValue("mp.messaging.incoming.orders.topic", String.class));
        assertEquals("r42.orders.orders.dlq", c.getValue("mp.messaging.incoming.orders.dead-letter-queue.topic", String.class));
    }

    @Test
    void withoutAPrefixTheNamesAreAsWritten() {
        SmallRyeConfig c = config(Map.of("mp.messaging.incoming.zoho.topic", "zoho.inbound",
                "%test.tsh.outbox.topic-prefix", "t."), "prod");
        assertEquals("zoho.inbound", c.getValue("mp.messaging.incoming.zoho.topic", String.class));
        assertEquals("zoho.inbound.dlq", c.getValue("mp.messaging.incoming.zoho.dead-letter-queue.topic", String.class));
    }

    @Test
    void anExplicitDeadLetterTopicWinsAndAPrefixIsNotDoubled() {
        SmallRyeConfig c = config(Map.of(
                "mp.messaging.incoming.a.topic", "staging.a",
                "mp.messaging.incoming.a.dead-letter-queue.topic", "a-poison",
                "tsh.outbox.topic-prefix", "staging."), "prod");
        assertEquals("staging.a", c.getValue("mp.messaging.incoming.a.topic", String.class));
        assertEquals("staging.a-poison", c.getValue("mp.messaging.incoming.a.dead-letter-queue.topic", String.class));
        assertTrue(c.getOptionalValue("mp.messaging.incoming.b.dead-letter-queue.topic", String.class).isEmpty());
    }
}
