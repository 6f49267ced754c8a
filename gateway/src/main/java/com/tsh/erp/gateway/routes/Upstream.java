package com.tsh.erp.gateway.routes;

/** The services behind the gateway, by the name their settings go under ({@code tsh.gateway.services.<name>.*}). */
public enum Upstream {
    CATALOG("catalog"),
    CLIENTS("clients"),
    ORDERS("orders"),
    ZOHO_SYNC("zoho-sync");

    private final String key;

    Upstream(String key) {
        this.key = key;
    }

    /** The name in the settings, in problems and in metrics. */
    public String key() {
        return key;
    }
}
