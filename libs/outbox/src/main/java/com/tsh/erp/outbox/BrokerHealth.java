package com.tsh.erp.outbox;

import io.smallrye.health.api.HealthGroup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The broker as a dependency, reported in the {@code dependencies} health group
 * ({@code /q/health/group/dependencies}) and never in readiness: with the broker down a service
 * still takes every write (the events wait in the outbox) and serves every read, so its replicas
 * must stay in the load balancer. Alerting watches this group and the outbox metrics
 * ({@code tsh_outbox_backlog}, {@code tsh_outbox_oldest_pending_seconds}); the data here carry
 * the same two figures.
 */
@HealthGroup("dependencies")
@ApplicationScoped
public class BrokerHealth implements HealthCheck {

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
    String bootstrapServers;
    @Inject
    OutboxMetrics metrics;

    private volatile Admin admin;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("kafka-broker").withData("bootstrap", bootstrapServers);
        outboxFigures(b);
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes()
                    .get(3, TimeUnit.SECONDS).size();
            return b.up().withData("nodes", nodes).build();
        } catch (Exception e) {
            return b.down().withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }

    private void outboxFigures(HealthCheckResponseBuilder b) {
        // the same figures as the tsh_outbox_backlog and tsh_outbox_oldest_pending_seconds gauges
        double backlog = metrics.backlog();
        double oldest = metrics.oldestPendingSeconds();
        if (Double.isNaN(backlog) || Double.isNaN(oldest)) {
            b.withData("outbox", "unavailable: the database cannot be read");
        } else {
            b.withData("outbox_backlog", (long) backlog).withData("outbox_oldest_pending_seconds", (long) oldest);
        }
    }

    private Admin admin() {
        Admin a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            AdminClientConfig.CLIENT_ID_CONFIG, "health-check",
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000));
                }
                a = admin;
            }
        }
        return a;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(1));
        }
    }
}
