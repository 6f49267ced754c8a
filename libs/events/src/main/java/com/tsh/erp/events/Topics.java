package com.tsh.erp.events;

import java.util.List;

/** Topic names (see DESIGN.md). Each has a dead-letter topic {@code <topic>.dlq}. */
public final class Topics {

    public static final String CATALOG_PRODUCTS = "catalog.products";
    public static final String CATALOG_CATEGORIES = "catalog.categories";
    public static final String CATALOG_STOCK = "catalog.stock";
    public static final String CLIENTS_CLIENTS = "clients.clients";
    public static final String CLIENTS_SALESPEOPLE = "clients.salespeople";
    public static final String CLIENTS_CREDIT = "clients.credit";
    public static final String ORDERS_ORDERS = "orders.orders";
    public static final String ZOHO_INBOUND = "zoho.inbound";

    public static final List<String> ALL = List.of(CATALOG_PRODUCTS, CATALOG_CATEGORIES, CATALOG_STOCK,
            CLIENTS_CLIENTS, CLIENTS_SALESPEOPLE, CLIENTS_CREDIT, ORDERS_ORDERS, ZOHO_INBOUND);

    private Topics() {
    }

    public static String dlq(String topic) {
        return topic + ".dlq";
    }
}
