package com.tsh.erp.zoho.push;

import com.tsh.erp.zoho.config.ZohoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.UUID;

/** This replica's name in leases: the configured one, else the host (the pod's name) and a random part. */
@ApplicationScoped
public class ReplicaName {

    @Inject
    ZohoConfig config;

    private volatile String name;

    public String name() {
        if (name == null) {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "replica";
            }
            name = config.replicaName().orElse(host) + "-" + UUID.randomUUID().toString().substring(0, 8);
        }
        return name;
    }
}
