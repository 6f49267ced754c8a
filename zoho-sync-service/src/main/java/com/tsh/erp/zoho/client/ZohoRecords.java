package com.tsh.erp.zoho.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tsh.erp.events.catalog.ProductUpserted;
import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.events.clients.ClientUpserted;
import com.tsh.erp.events.orders.OrderConfirmed;
import com.tsh.erp.zoho.client.ZohoApi.Product;
import com.tsh.erp.zoho.config.ZohoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Zoho records we write and read, field by field as Zoho's documents name them (kept in
 * zoho-simulator/src/main/resources/zoho-openapi): Inventory v1 items, Books v3 contacts, sales
 * orders and invoices. Each method is one Zoho call.
 */
@ApplicationScoped
public class ZohoRecords {

    /** Zoho's time format, e.g. {@code 2026-11-30T10:15:00+0000}. */
    public static final DateTimeFormatter ZOHO_TIME = new DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .appendOffset("+HHMM", "+0000").toFormatter(Locale.ROOT);
    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");

    @Inject
    ZohoApi api;
    @Inject
    ZohoConfig config;
    @Inject
    ObjectMapper json;

    /** What we keep of a Zoho record after writing or finding it. */
    public record Written(String zohoId, String status, Instant lastModified) {
    }

    public static Instant time(JsonNode node) {
        if (node == null || node.isNull() || node.asText().isBlank()) {
            return null;
        }
        return OffsetDateTime.parse(node.asText(), ZOHO_TIME).toInstant();
    }

    public static String zohoTime(Instant t) {
        return ZOHO_TIME.format(t.atOffset(java.time.ZoneOffset.UTC));
    }

    private static Written written(JsonNode record, String idField) {
        return new Written(record.path(idField).asText(), record.path("status").asText(null), time(record.get("last_modified_time")));
    }

    // --- Inventory items ------------------------------------------------------------------------

    /**
     * A product as an Inventory item. Fields the product does not have (no cost price yet, no description)
     * are left out, never sent as null: Zoho's document types them as numbers and strings, and null is
     * refused.
     */
    public ObjectNode item(ProductUpserted p) {
        ObjectNode item = json.createObjectNode()
                .put("name", p.name())
                .put("sku", p.sku())
                .put("reorder_level", p.reorderLevel());
        putIfPresent(item, "unit", p.unit());
        putIfPresent(item, "rate", p.retailPrice());
        putIfPresent(item, "purchase_rate", p.costPrice());
        putIfPresent(item, "description", p.description());
        ArrayNode fields = item.putArray("custom_fields");
        if (p.nameAr() != null) {
            fields.addObject().put("customfield_id", config.customFields().itemNameAr()).put("value", p.nameAr());
        }
        fields.addObject().put("customfield_id", config.customFields().itemTshId()).put("value", String.valueOf(p.productId()));
        return item;
    }

    private static void putIfPresent(ObjectNode node, String field, Object value) {
        if (value instanceof BigDecimal d) {
            node.put(field, d);
        } else if (value != null) {
            node.put(field, value.toString());
        }
    }

    public Optional<Written> findItemBySku(String sku) throws InterruptedException {
        JsonNode page = api.get(Product.INVENTORY, "/items", Map.of("sku", sku));
        for (JsonNode item : page.path("items")) {
            if (sku.equalsIgnoreCase(item.path("sku").asText())) {
                return Optional.of(written(item, "item_id"));
            }
        }
        return Optional.empty();
    }

    public Written createItem(ObjectNode item) throws InterruptedException {
        return written(api.post(Product.INVENTORY, "/items", Map.of(), item).path("item"), "item_id");
    }

    public Written updateItem(String itemId, ObjectNode item) throws InterruptedException {
        return written(api.put(Product.INVENTORY, "/items/" + itemId, item).path("item"), "item_id");
    }

    public void setItemActive(String itemId, boolean active) throws InterruptedException {
        api.post(Product.INVENTORY, "/items/" + itemId + (active ? "/active" : "/inactive"), Map.of(), null);
    }

    public JsonNode itemsPage(int page, int perPage, Instant modifiedSince) throws InterruptedException {
        return api.get(Product.INVENTORY, "/items", listQuery(page, perPage, modifiedSince));
    }

    // --- Books contacts ---------------------------------------------------------------------------

    public ObjectNode contact(ClientUpserted c) {
        ObjectNode contact = json.createObjectNode()
                .put("contact_name", c.name())
                .put("contact_type", "customer")
                .put("customer_sub_type", c.clientType() == ClientType.RETAIL ? "individual" : "business");
        if (c.creditLimit() != null) {
            contact.put("credit_limit", c.creditLimit());
        }
        ObjectNode address = contact.putObject("billing_address");
        if (c.address() != null) {
            address.put("address", c.address());
        }
        if (c.city() != null) {
            address.put("city", c.city());
        }
        if (c.region() != null) {
            address.put("state", c.region());
        }
        if (c.phone() != null || c.email() != null) {
            ObjectNode person = contact.putArray("contact_persons").addObject().put("first_name", c.name()).put("is_primary_contact", true);
            if (c.phone() != null) {
                person.put("phone", c.phone()).put("mobile", c.phone());
            }
            if (c.email() != null) {
                person.put("email", c.email());
            }
        }
        ArrayNode fields = contact.putArray("custom_fields");
        if (c.nameAr() != null) {
            fields.addObject().put("index", config.customFields().contactNameArIndex()).put("value", c.nameAr());
        }
        fields.addObject().put("index", config.customFields().contactTshIdIndex()).put("value", String.valueOf(c.clientId()));
        return contact;
    }

    /**
     * A contact of this client made earlier (its answer lost): by phone, else by email; by name only for a
     * client with neither (Zoho's contact list carries no custom fields, so our id cannot be searched). A
     * contact that merely has the same name is someone else's: a create refused for the name stays refused.
     */
    public Optional<Written> findContact(ClientUpserted c) throws InterruptedException {
        for (Map.Entry<String, String> by : List.of(Map.entry("phone", nz(c.phone())), Map.entry("email", nz(c.email())))) {
            if (by.getValue().isEmpty()) {
                continue;
            }
            JsonNode page = api.get(Product.BOOKS, "/contacts", Map.of(by.getKey(), by.getValue()));
            for (JsonNode contact : page.path("contacts")) {
                if (by.getValue().equalsIgnoreCase(contact.path(by.getKey()).asText()) || by.getValue().equalsIgnoreCase(contact.path("mobile").asText())) {
                    return Optional.of(written(contact, "contact_id"));
                }
            }
        }
        if (!nz(c.phone()).isEmpty() || !nz(c.email()).isEmpty()) {
            return Optional.empty();
        }
        JsonNode page = api.get(Product.BOOKS, "/contacts", Map.of("contact_name", c.name()));
        for (JsonNode contact : page.path("contacts")) {
            if (c.name().equalsIgnoreCase(contact.path("contact_name").asText())) {
                return Optional.of(written(contact, "contact_id"));
            }
        }
        return Optional.empty();
    }

    public Written createContact(ObjectNode contact) throws InterruptedException {
        return written(api.post(Product.BOOKS, "/contacts", Map.of(), contact).path("contact"), "contact_id");
    }

    public Written updateContact(String contactId, ObjectNode contact) throws InterruptedException {
        return written(api.put(Product.BOOKS, "/contacts/" + contactId, contact).path("contact"), "contact_id");
    }

    public void setContactActive(String contactId, boolean active) throws InterruptedException {
        api.post(Product.BOOKS, "/contacts/" + contactId + (active ? "/active" : "/inactive"), Map.of(), null);
    }

    public JsonNode contactsPage(int page, int perPage, Instant modifiedSince) throws InterruptedException {
        return api.get(Product.BOOKS, "/contacts", listQuery(page, perPage, modifiedSince));
    }

    // --- Books sales orders and invoices ----------------------------------------------------------

    /**
     * A confirmed order as a Books sales order: our number ({@code ignore_auto_number_generation}), the
     * client's contact and each line's item, the prices as priced here, and the discount as a percentage.
     */
    public ObjectNode salesOrder(OrderConfirmed o, String customerId, Map<Long, String> itemIds) {
        ObjectNode so = json.createObjectNode()
                .put("customer_id", customerId)
                .put("salesorder_number", o.orderNumber())
                .put("reference_number", o.orderId())
                .put("date", o.placedAt().atZone(BAGHDAD).toLocalDate().toString())
                .put("discount", o.discountPercent().stripTrailingZeros().toPlainString() + "%")
                .put("is_discount_before_tax", true);
        if (o.note() != null && !o.note().isBlank()) {
            so.put("notes", o.note());
        }
        ArrayNode lines = so.putArray("line_items");
        int position = 1;
        for (OrderConfirmed.ConfirmedLine line : o.lines()) {
            lines.addObject().put("item_order", position++).put("item_id", itemIds.get(line.productId()))
                    .put("name", line.name()).put("rate", line.unitPrice()).put("quantity", line.quantity());
        }
        return so;
    }

    public Optional<Written> findSalesOrder(String number) throws InterruptedException {
        JsonNode page = api.get(Product.BOOKS, "/salesorders", Map.of("salesorder_number", number));
        for (JsonNode so : page.path("salesorders")) {
            if (number.equals(so.path("salesorder_number").asText())) {
                return Optional.of(written(so, "salesorder_id"));
            }
        }
        return Optional.empty();
    }

    public Written createSalesOrder(ObjectNode so) throws InterruptedException {
        return written(api.post(Product.BOOKS, "/salesorders", Map.of("ignore_auto_number_generation", "true"), so).path("salesorder"),
                "salesorder_id");
    }

    public void voidSalesOrder(String salesOrderId, String reason) throws InterruptedException {
        ObjectNode body = json.createObjectNode();
        if (reason != null) {
            body.put("reason", reason);
        }
        api.post(Product.BOOKS, "/salesorders/" + salesOrderId + "/status/void", Map.of(), body);
    }

    /** The invoice Books made from this order's sales order (its reference number is the order number). */
    public Optional<Written> findInvoice(String orderNumber) throws InterruptedException {
        JsonNode page = api.get(Product.BOOKS, "/invoices", Map.of("reference_number", orderNumber));
        for (JsonNode invoice : page.path("invoices")) {
            if (orderNumber.equals(invoice.path("reference_number").asText()) && !"void".equals(invoice.path("status").asText())) {
                return Optional.of(written(invoice, "invoice_id"));
            }
        }
        return Optional.empty();
    }

    public Written invoiceFromSalesOrder(String salesOrderId) throws InterruptedException {
        return written(api.post(Product.BOOKS, "/invoices/fromsalesorder", Map.of("salesorder_id", salesOrderId), null).path("invoice"),
                "invoice_id");
    }

    public void voidInvoice(String invoiceId) throws InterruptedException {
        api.post(Product.BOOKS, "/invoices/" + invoiceId + "/status/void", Map.of(), null);
    }

    private static Map<String, String> listQuery(int page, int perPage, Instant modifiedSince) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("page", String.valueOf(page));
        q.put("per_page", String.valueOf(perPage));
        if (modifiedSince != null) {
            q.put("last_modified_time", zohoTime(modifiedSince));
            q.put("sort_column", "last_modified_time");
            q.put("sort_order", "A");
        } else {
            q.put("sort_column", "created_time");
            q.put("sort_order", "A");
        }
        return q;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
