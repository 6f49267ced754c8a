package com.tsh.erp.zoho.api;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How far this service's consumer group is behind the topics it reads, per topic: the sum over
 * partitions of (end offset - committed offset). Read from the broker on demand for the status page.
 */
@ApplicationScoped
public class ConsumerLag {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.application.name")
    String group;
    /** The topics this service reads (with the environment's prefix, which the channels' settings carry). */
    @ConfigProperty(name = "mp.messaging.incoming.products.topic")
    String productsTopic;
    @ConfigProperty(name = "mp.messaging.incoming.clients.topic")
    String clientsTopic;
    @ConfigProperty(name = "mp.messaging.incoming.orders.topic")
    String ordersTopic;

    private volatile Admin admin;

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            AdminClientConfig.CLIENT_ID_CONFIG, "zoho-sync-lag",
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000));
                }
            }
        }
        return admin;
    }

    void close(@Observes ShutdownEvent ev) {
        if (admin != null) {
            admin.close();
        }
    }

    /** Lag per topic, or empty when the broker did not answer within 3 s (the status page says so). */
    public Map<String, Long> byTopic() {
        try {
            java.util.Set<String> ours = java.util.Set.of(productsTopic, clientsTopic, ordersTopic);
            Map<TopicPartition, OffsetAndMetadata> committed = new LinkedHashMap<>(admin().listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(3, TimeUnit.SECONDS));
            committed.keySet().removeIf(tp -> !ours.contains(tp.topic())); // a group name shared with other environments' topics
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin().listOffsets(latest).all().get(3, TimeUnit.SECONDS);
            Map<String, Long> lag = new java.util.TreeMap<>();
            committed.forEach((tp, offset) -> {
                long end = ends.get(tp).offset();
                lag.merge(tp.topic(), Math.max(0, end - (offset == null ? 0 : offset.offset())), Long::sum);
            });
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (Exception e) {
            return Map.of();
        }
    }
}
