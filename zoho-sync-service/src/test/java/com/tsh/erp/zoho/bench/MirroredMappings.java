package com.tsh.erp.zoho.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tsh.erp.bench.LocalDatabase;
import com.tsh.erp.bench.LoaderOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The Zoho side of the 10x data set (deploy/local/data-10x.sh), as after two years of sync: every generated product of
 * catalog-service and client of client-service (ids from 1,000,001, loaded by MirroredCatalog and MirroredClients) is
 * an item or contact in Zoho, and zoho-sync-service maps it. The Zoho simulator is given the records as
 * zoho-sync-service would have created them ({@code POST /sim/import}: name, SKU, prices, unit, the Arabic name and our
 * id in the custom fields; the contact's type, phone, email, city), last modified an hour ago, and the pull's watermarks
 * are set to now: what is in Zoho is already here, so nothing is pulled back, and an order placed on the loaded system
 * is pushed to Zoho at once instead of waiting for records no event will bring (the generated rows were written by
 * SQL). Replaces the generated mappings of an earlier load and leaves every other row alone; the simulator keeps its
 * records in memory, so a load belongs to one run of it.
 */
public final class MirroredMappings {

    static final long FIRST_ID = 1_000_001;
    static final int CHUNK = 5_000;
    /** zoho-sync-service's default custom fields (ZohoConfig.CustomFields). */
    static final long ITEM_NAME_AR = 46000000000101L;
    static final long ITEM_TSH_ID = 46000000000102L;
    static final ObjectMapper JSON = new ObjectMapper();

    private MirroredMappings() {
    }

    public static String load(Connection catalog, Connection clients, Connection zoho, String simulator) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String modified = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        List<String[]> products = new ArrayList<>(); // erp id, zoho id, sku
        List<ObjectNode> items = new ArrayList<>();
        List<String[]> keys = new ArrayList<>();
        try (Statement st = catalog.createStatement(); ResultSet rs = st.executeQuery("""
                select id, sku, name, name_ar, description, unit, retail_price, cost_price, reorder_level, active from product
                where id >= %d order by id""".formatted(FIRST_ID))) {
            while (rs.next()) {
                ObjectNode item = JSON.createObjectNode().put("name", rs.getString("name")).put("sku", rs.getString("sku"))
                        .put("reorder_level", rs.getInt("reorder_level")).put("unit", rs.getString("unit"))
                        .put("rate", rs.getBigDecimal("retail_price")).put("description", rs.getString("description"))
                        .put("status", rs.getBoolean("active") ? "active" : "inactive");
                if (rs.getBigDecimal("cost_price") != null) {
                    item.put("purchase_rate", rs.getBigDecimal("cost_price"));
                }
                ArrayNode fields = item.putArray("custom_fields");
                fields.addObject().put("customfield_id", ITEM_NAME_AR).put("value", rs.getString("name_ar"));
                fields.addObject().put("customfield_id", ITEM_TSH_ID).put("value", rs.getString("id"));
                items.add(item);
                keys.add(new String[] {rs.getString("id"), rs.getString("sku")});
            }
        }
        products.addAll(imported(http, simulator, "items", items, keys, modified));
        List<ObjectNode> contacts = new ArrayList<>();
        keys = new ArrayList<>();
        try (Statement st = clients.createStatement(); ResultSet rs = st.executeQuery("""
                select id, name, name_ar, client_type, phone, email, city, region, credit_limit, active from client
                where id >= %d order by id""".formatted(FIRST_ID))) {
            while (rs.next()) {
                ObjectNode contact = JSON.createObjectNode().put("contact_name", rs.getString("name")).put("contact_type", "customer")
                        .put("customer_sub_type", "RETAIL".equals(rs.getString("client_type")) ? "individual" : "business")
                        .put("credit_limit", rs.getBigDecimal("credit_limit")).put("status", rs.getBoolean("active") ? "active" : "inactive");
                contact.putObject("billing_address").put("city", rs.getString("city")).put("state", rs.getString("region"));
                contact.putArray("contact_persons").addObject().put("first_name", rs.getString("name")).put("is_primary_contact", true)
                        .put("phone", rs.getString("phone")).put("mobile", rs.getString("phone")).put("email", rs.getString("email"));
                ArrayNode fields = contact.putArray("custom_fields");
                fields.addObject().put("index", 1).put("value", rs.getString("name_ar"));
                fields.addObject().put("index", 2).put("value", rs.getString("id"));
                contacts.add(contact);
                keys.add(new String[] {rs.getString("id"), rs.getString("phone")});
            }
        }
        List<String[]> clientRows = imported(http, simulator, "contacts", contacts, keys, modified);

        // the services keep the Zoho id of their records too (what an inbound change is matched by)
        linked(catalog, "update product set zoho_item_id = ? where id = ?", products);
        linked(clients, "update client set zoho_contact_id = ? where id = ?", clientRows);
        zoho.setAutoCommit(false);
        try (Statement st = zoho.createStatement()) {
            st.execute("delete from zoho_mapping where kind in ('product', 'client') and erp_id ~ '^[0-9]+$' and erp_id::bigint >= " + FIRST_ID);
            // what Zoho holds is here already: the pull starts from now instead of reading every record back
            st.execute("update pull_state set watermark = greatest(coalesce(watermark, now()), now())");
        }
        try (PreparedStatement ps = zoho.prepareStatement("insert into zoho_mapping (kind, erp_id, zoho_id, erp_key, zoho_status, "
                + "zoho_modified_at) values (?, ?, ?, ?, 'active', ?::timestamptz)")) {
            for (String kind : List.of("product", "client")) {
                for (String[] row : kind.equals("product") ? products : clientRows) {
                    ps.setString(1, kind);
                    ps.setString(2, row[0]);
                    ps.setString(3, row[1]);
                    ps.setString(4, row[2]);
                    ps.setString(5, modified);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        zoho.commit();
        zoho.setAutoCommit(true);
        try (Statement st = zoho.createStatement()) {
            st.execute("vacuum analyze zoho_mapping");
        }
        return products.size() + " items and " + clientRows.size() + " contacts in the simulator, mapped";
    }

    private static void linked(Connection c, String update, List<String[]> rows) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(update)) {
            for (String[] row : rows) {
                ps.setString(1, row[1]);
                ps.setLong(2, Long.parseLong(row[0]));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /** Gives the simulator the records in chunks; returns (erp id, zoho id, key) per record, in the order given. */
    private static List<String[]> imported(HttpClient http, String simulator, String kind, List<ObjectNode> records, List<String[]> keys,
            String modified) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (int from = 0; from < records.size(); from += CHUNK) {
            List<ObjectNode> chunk = records.subList(from, Math.min(records.size(), from + CHUNK));
            ObjectNode body = JSON.createObjectNode().put("modified_time", modified);
            body.putArray(kind).addAll(chunk);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(simulator + "/sim/import"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the simulator refused the import (a record already there? restart it): " + r.statusCode()
                        + " " + r.body());
            }
            JsonNode ids = JSON.readTree(r.body()).path(kind);
            for (int i = 0; i < chunk.size(); i++) {
                String[] key = keys.get(from + i);
                out.add(new String[] {key[0], ids.get(i).asText(), key[1]});
            }
        }
        return out;
    }

    /** deploy/local/data-10x.sh: {@code [--catalog DB] [--clients DB] [--database ZOHO_DB] [--simulator URL]}. */
    public static void main(String[] args) throws Exception {
        LoaderOptions o = LoaderOptions.parse("MirroredMappings", args, Map.of("catalog", "tsh_catalog", "clients", "tsh_clients", "database", "tsh_zoho", "simulator", "http://127.0.0.1:8089"));
        try (Connection ca = LocalDatabase.named(o.get("catalog")).getConnection();
             Connection cl = LocalDatabase.named(o.get("clients")).getConnection();
             Connection z = LocalDatabase.named(o.get("database")).getConnection()) {
            System.out.println(o.get("database") + ": " + load(ca, cl, z, o.get("simulator")));
        }
    }
}
