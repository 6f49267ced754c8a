package com.tsh.erp.outbox.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The outbox as a service runs it: the background relay on, woken by commits. */
public class RelayRunningProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tsh.outbox.relay-enabled", "true",
                "quarkus.datasource.jdbc.max-size", "20",
                "quarkus.log.category.\"io.quarkus.http.access-log\".level", "WARN");
    }
}
