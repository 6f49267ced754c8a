package com.tsh.erp.zoho;

import com.tsh.erp.testing.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The Zoho simulator for a module's tests: its packaged jar (zoho-simulator, built before this module)
 * as a child process, and the service pointed at it. One simulator for the whole test JVM.
 */
public class ZohoSimResource implements QuarkusTestResourceLifecycleManager {

    static ServiceProcess simulator;

    static ZohoSim sim() {
        return new ZohoSim(simulator.baseUrl());
    }

    @Override
    public Map<String, String> start() {
        simulator = ServiceProcess.of("zoho-simulator").start();
        return Map.of("tsh.zoho.api-url", simulator.baseUrl());
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
