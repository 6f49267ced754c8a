package com.tsh.erp.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Liveness: a process whose relay thread has died can no longer publish its events and should be restarted. */
@Liveness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    @Inject
    OutboxRelayRunner runner;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("outbox-relay")
                .status(runner.isAlive())
                .withData("running", runner.isRunning())
                .build();
    }
}
