package com.tsh.erp.zoho;

import com.tsh.erp.testing.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The Zoho simulator for a module's tests: its packaged jar (zoho-simulator, built before this module)
 * as a child process, and the service pointed at it. One simulator for the whole test JVM.
 */
public class ZohoSimResource implements QuarkusTestResourceLifecycleManager {

    /** Calls a minute in the tests (the simulator's and the service's, %test profile): FaultsTest holds Zoho's default of 100. */
    static final int TEST_LIMIT = 1_000;

    static ServiceProcess simulator;

    static ZohoSim sim() {
        return new ZohoSim(simulator.baseUrl());
    }

    @Override
    public Map<String, String> start() {
        simulator = ServiceProcess.of("zoho-simulator").start();
        sim().limits(TEST_LIMIT, 1_000_000, 10);
        return Map.of("tsh.zoho.api-url", simulator.baseUrl());
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
