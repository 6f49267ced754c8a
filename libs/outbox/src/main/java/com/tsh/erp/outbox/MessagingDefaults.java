package com.tsh.erp.outbox;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of every incoming channel's configuration that follows from the outbox's rules, so that
 * a service declares a channel in one line ({@code mp.messaging.incoming.orders.topic=orders.orders}):
 * <ul>
 * <li>the topic carries {@code tsh.outbox.topic-prefix}, the prefix the relay publishes under
 * (environments sharing a cluster, a test run's own topics), unless it already starts with it;</li>
 * <li>the dead-letter topic is {@code <topic>.dlq} (with the same prefix) unless set.</li>
 * </ul>
 * The rest comes from this library's {@code microprofile-config.properties} (the failure strategy)
 * and from Quarkus (the connector when it is the only one, String deserializers for
 * {@code ConsumerRecord<String, String>}, the group id = the application's name).
 *
 * <p>It runs outside SmallRye's expression and profile interceptors, so it sees the values as the
 * service will ({@code ${...}} expanded, {@code %test.} applied).
 */
@Priority(Priorities.APPLICATION + 100)
public class MessagingDefaults implements ConfigSourceInterceptor {

    static final String PREFIX = "tsh.outbox.topic-prefix";
    private static final String INCOMING = "mp.messaging.incoming.";
    private static final Pattern TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    private static final Pattern DEAD_LETTER_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.dead-letter-queue\\.topic");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        if (!name.startsWith(INCOMING)) {
            return context.proceed(name); // every other lookup, some on request paths: no regex for them
        }
        Matcher topic = TOPIC.matcher(name);
        if (topic.matches()) {
            return prefixed(context, context.proceed(name));
        }
        Matcher dlq = DEAD_LETTER_TOPIC.matcher(name);
        if (dlq.matches()) {
            ConfigValue explicit = context.proceed(name);
            if (explicit != null && explicit.getValue() != null) {
                return prefixed(context, explicit);
            }
            ConfigValue channelTopic = getValue(context, "mp.messaging.incoming." + dlq.group(1) + ".topic");
            if (channelTopic == null || channelTopic.getValue() == null) {
                return explicit;
            }
            return channelTopic.withName(name).withValue(channelTopic.getValue() + ".dlq");
        }
        return context.proceed(name);
    }

    private static ConfigValue prefixed(ConfigSourceInterceptorContext context, ConfigValue value) {
        if (value == null || value.getValue() == null) {
            return value;
        }
        ConfigValue prefix = context.proceed(PREFIX);
        String p = prefix == null || prefix.getValue() == null ? "" : prefix.getValue();
        return p.isEmpty() || value.getValue().startsWith(p) ? value : value.withValue(p + value.getValue());
    }
}
