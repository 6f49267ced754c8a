package com.tsh.erp.gateway;

import com.tsh.erp.testing.ServiceProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/**
 * The four services running beside the gateway under test, each its packaged application in a JVM of its own
 * ({@link ServiceProcess}) with a database of its own, all on one run's topics, which the gateway's audit and feed
 * consumers follow too. zoho-sync-service's Zoho is a loopback port nothing listens on: nothing in these tests
 * reaches Zoho. {@link #catalog} and the others are there for the tests that call a service directly (the role matrix
 * compares) and for the one that stops a service.
 */
public class Services implements QuarkusTestResourceLifecycleManager {

    static ServiceProcess catalog;
    static ServiceProcess clients;
    static ServiceProcess orders;
    static ServiceProcess zohoSync;
    static String runId;

    @Override
    public Map<String, String> start() {
        runId = "g" + Long.toString(Math.abs(new SecureRandom().nextLong()), 36);
        catalog = ServiceProcess.of("catalog-service").database("tsh_catalog_gw_" + runId).forTestRun(runId)
                .property("tsh.catalog.cache-prefix", "catalog-gw-" + runId).start();
        clients = ServiceProcess.of("client-service").database("tsh_clients_gw_" + runId).forTestRun(runId).start();
        orders = ServiceProcess.of("order-service").database("tsh_orders_gw_" + runId).forTestRun(runId).start();
        zohoSync = ServiceProcess.of("zoho-sync-service").database("tsh_zoho_gw_" + runId).forTestRun(runId)
                .property("tsh.zoho.api-url", "http://127.0.0.1:" + closedPort())
                .property("tsh.zoho.client-secret", "gateway-test-secret").property("tsh.zoho.refresh-token", "gateway-test-refresh")
                .property("tsh.zoho.redis-prefix", "zoho-gw-" + runId).start();
        Map<String, String> config = new HashMap<>();
        config.put("tsh.gateway.services.catalog.url", catalog.baseUrl());
        config.put("tsh.gateway.services.clients.url", clients.baseUrl());
        config.put("tsh.gateway.services.orders.url", orders.baseUrl());
        config.put("tsh.gateway.services.zoho-sync.url", zohoSync.baseUrl());
        // the gateway's consumers read the services' topics of this run (the %test profile's own prefix otherwise)
        config.put("%test.tsh.outbox.topic-prefix", runId + ".");
        return config;
    }

    /** The running process of a service. */
    static ServiceProcess of(com.tsh.erp.gateway.routes.Upstream u) {
        return switch (u) {
            case CATALOG -> catalog;
            case CLIENTS -> clients;
            case ORDERS -> orders;
            case ZOHO_SYNC -> zohoSync;
        };
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        for (ServiceProcess p : new ServiceProcess[] {zohoSync, orders, clients, catalog}) {
            if (p != null) {
                p.close();
            }
        }
        orders = null;
        zohoSync = null;
        clients = null;
        catalog = null;
    }
}
