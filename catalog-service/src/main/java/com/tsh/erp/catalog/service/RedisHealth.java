package com.tsh.erp.catalog.service;

import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Redis as a dependency, in the {@code dependencies} health group and never in readiness: the
 * caches fall back to the database when Redis is away (slower, never wrong), so a Redis outage
 * must not take every replica out of the load balancer.
 */
@HealthGroup("dependencies")
@ApplicationScoped
public class RedisHealth implements HealthCheck {

    @Inject
    RedisDataSource redis;

    @Override
    public HealthCheckResponse call() {
        try {
            redis.value(String.class).get("tsh:health-probe");
            return HealthCheckResponse.named("redis-cache").up().build();
        } catch (Exception e) {
            return HealthCheckResponse.named("redis-cache").down()
                    .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage())
                    .withData("effect", "caches off; the database answers").build();
        }
    }
}
