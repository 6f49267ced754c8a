package com.tsh.erp.outbox.bench;

import com.tsh.erp.bench.BenchmarkProfile;
import java.util.Map;

/** The benchmark profile with the outbox as a service runs it: the background relay on, woken by commits. */
public class RelayRunningProfile extends BenchmarkProfile {

    public RelayRunningProfile() {
        super(Map.of("tsh.outbox.relay-enabled", "true",
                "quarkus.datasource.jdbc.max-size", "20",
                "quarkus.log.category.\"io.quarkus.http.access-log\".level", "WARN"));
    }
}
