package com.tsh.erp.zohosim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Zoho organization's records, in memory: Inventory items, Books contacts, sales orders and invoices,
 * with Zoho's rules (unique SKUs, contact names and sales order numbers, one invoice per sales order).
 * Each record is kept as the JSON Zoho would hold (every field the request gave plus the ones Zoho sets);
 * an answer shows the part of it the operation's response schema lists ({@link ZohoDocuments#shape}).
 * One lock for all: the simulator stands in for one organization, and no operation takes long.
 *
 * <p>Ids come from one counter starting at 4815000000044208, unique across kinds and never reused (not even
 * after a reset). Inventory's documents type {@code item_id} as an integer, Books' ids as strings: items hold
 * a JSON number, contacts, sales orders and invoices a string of digits.
 */
@ApplicationScoped
public class Store {

    /** The kinds of record, named as in {@code /sim/records/{kind}}. */
    public enum Kind {
        items("Item"), contacts("Contact"), salesorders("Sales order"), invoices("Invoice");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** The configured item custom fields (Inventory: by {@code customfield_id}). */
    public static final Map<Long, String[]> ITEM_FIELDS = Map.of(
            46000000000101L, new String[] {"Arabic name", "cf_name_ar"},
            46000000000102L, new String[] {"TSH id", "cf_tsh_id"});
    /** The configured contact custom fields (Books: by {@code index}). */
    public static final Map<Integer, String[]> CONTACT_FIELDS = Map.of(
            1, new String[] {"Arabic name", "cf_name_ar"},
            2, new String[] {"TSH id", "cf_tsh_id"});
    public static final long FIRST_ID = 4815000000044208L;
    static final String CURRENCY = "IQD";

    /** A record and what the store needs beside its JSON. */
    static final class Rec {
        final long id;
        final long created;
        long modified;
        final ObjectNode body;
        /** invoices: the sales order they were made from */
        long salesOrder;

        Rec(long id, long created, ObjectNode body) {
            this.id = id;
            this.created = created;
            this.modified = created;
            this.body = body;
        }

        void touch(long now) {
            modified = Math.max(now, modified);
            body.put("last_modified_time", ZohoTime.format(modified));
        }
    }

    /** One page of a list. */
    public record Page(List<ObjectNode> records, boolean hasMore) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<Kind, LinkedHashMap<Long, Rec>> records = new EnumMap<>(Kind.class);
    private final Map<String, Long> skus = new HashMap<>();
    private final Map<String, Long> contactNames = new HashMap<>();
    private final Map<String, Long> salesOrderNumbers = new HashMap<>();
    /** sales order id → its invoice that is not void */
    private final Map<Long, Long> invoiceOf = new HashMap<>();
    private long nextId = FIRST_ID;
    private int salesOrderSeq;
    private int invoiceSeq;
    private int seededItems;
    private int seededContacts;

    public Store() {
        for (Kind k : Kind.values()) {
            records.put(k, new LinkedHashMap<>());
        }
    }

    private long newId() {
        return nextId++;
    }

    // ---------------------------------------------------------------- items (Inventory)

    public synchronized ObjectNode createItem(ObjectNode req, long now) {
        String sku = text(req, "sku");
        requireFreeSku(sku, null);
        long id = newId();
        ObjectNode body = NODES.objectNode();
        body.put("item_id", id);
        copyExcept(req, body, "item_id", "custom_fields", "status", "locations", "documents");
        body.put("status", "active");
        body.put("source", "user");
        putIfMissing(body, "item_type", "inventory");
        putIfMissing(body, "product_type", "goods");
        body.set("custom_fields", itemCustomFields(NODES.arrayNode(), req.get("custom_fields")));
        body.put("created_time", ZohoTime.format(now));
        Rec rec = new Rec(id, now, body);
        rec.touch(now);
        records.get(Kind.items).put(id, rec);
        if (sku != null) {
            skus.put(key(sku), id);
        }
        return body.deepCopy();
    }

    public synchronized ObjectNode updateItem(long id, ObjectNode req, long now) {
        Rec rec = find(Kind.items, id);
        String sku = text(req, "sku");
        if (req.has("sku")) {
            requireFreeSku(sku, id);
        }
        String status = text(req, "status");
        if (status != null && !status.equals("active") && !status.equals("inactive")) {
            throw ZohoException.invalid("status");
        }
        String oldSku = text(rec.body, "sku");
        copyExcept(req, rec.body, "item_id", "custom_fields", "locations", "documents", "created_time", "last_modified_time");
        if (req.has("custom_fields")) {
            rec.body.set("custom_fields", itemCustomFields((ArrayNode) rec.body.get("custom_fields"), req.get("custom_fields")));
        }
        if (req.has("sku")) {
            if (oldSku != null) {
                skus.remove(key(oldSku));
            }
            if (sku != null) {
                skus.put(key(sku), id);
            }
        }
        rec.touch(now);
        return rec.body.deepCopy();
    }

    private void requireFreeSku(String sku, Long self) {
        if (sku == null) {
            return;
        }
        Long holder = skus.get(key(sku));
        if (holder != null && !holder.equals(self)) {
            throw new ZohoException(400, 1001, "Item with SKU " + sku + " already exists.");
        }
    }

    /** Inventory's custom fields: the given values merged by {@code customfield_id} into the ones held. */
    private static ArrayNode itemCustomFields(ArrayNode held, JsonNode given) {
        Map<Long, ObjectNode> byId = new LinkedHashMap<>();
        held.forEach(f -> byId.put(f.get("customfield_id").asLong(), (ObjectNode) f));
        if (given != null && given.isArray()) {
            for (JsonNode f : given) {
                long cf = f.path("customfield_id").asLong();
                String[] def = ITEM_FIELDS.get(cf);
                if (def == null) {
                    throw ZohoException.invalid("custom_fields", "no custom field with customfield_id " + f.path("customfield_id"));
                }
                ObjectNode out = NODES.objectNode();
                out.put("customfield_id", cf);
                out.put("label", def[0]);
                out.put("api_name", def[1]);
                out.set("value", f.has("value") ? f.get("value") : NODES.textNode(""));
                byId.put(cf, out);
            }
        }
        ArrayNode out = NODES.arrayNode();
        byId.values().forEach(out::add);
        return out;
    }

    // ---------------------------------------------------------------- contacts (Books)

    public synchronized ObjectNode createContact(ObjectNode req, long now) {
        String name = text(req, "contact_name").trim();
        requireFreeContactName(name, null);
        long id = newId();
        ObjectNode body = NODES.objectNode();
        body.put("contact_id", String.valueOf(id));
        copyExcept(req, body, "contact_id", "custom_fields", "contact_persons", "status");
        body.put("contact_name", name);
        putIfMissing(body, "contact_type", "customer");
        putIfMissing(body, "customer_sub_type", "business");
        putIfMissing(body, "currency_code", CURRENCY);
        body.put("status", "active");
        body.put("has_transaction", false);
        body.put("outstanding_receivable_amount", 0);
        body.put("unused_credits_receivable_amount", 0);
        contactPersons(body, req.get("contact_persons"));
        body.set("custom_fields", contactCustomFields(NODES.arrayNode(), req.get("custom_fields")));
        body.put("created_time", ZohoTime.format(now));
        Rec rec = new Rec(id, now, body);
        rec.touch(now);
        records.get(Kind.contacts).put(id, rec);
        contactNames.put(key(name), id);
        return body.deepCopy();
    }

    public synchronized ObjectNode updateContact(long id, ObjectNode req, long now) {
        Rec rec = find(Kind.contacts, id);
        String oldName = text(rec.body, "contact_name");
        String name = text(req, "contact_name").trim();
        requireFreeContactName(name, id);
        copyExcept(req, rec.body, "contact_id", "custom_fields", "contact_persons", "status", "created_time", "last_modified_time");
        rec.body.put("contact_name", name);
        if (req.has("contact_persons")) {
            contactPersons(rec.body, req.get("contact_persons"));
        }
        if (req.has("custom_fields")) {
            rec.body.set("custom_fields", contactCustomFields((ArrayNode) rec.body.get("custom_fields"), req.get("custom_fields")));
        }
        contactNames.remove(key(oldName));
        contactNames.put(key(name), id);
        rec.touch(now);
        return rec.body.deepCopy();
    }

    private void requireFreeContactName(String name, Long self) {
        if (name.isEmpty()) {
            throw ZohoException.invalid("contact_name");
        }
        Long holder = contactNames.get(key(name));
        if (holder != null && !holder.equals(self)) {
            throw new ZohoException(400, 3062, "The contact name already exists.");
        }
    }

    /**
     * Books keeps phone, mobile and email on the contact persons; the primary one's also appear on the contact
     * in lists ({@code email}, {@code phone}, {@code mobile}, {@code first_name}, {@code last_name}).
     */
    /** Zoho's contact_persons is a list of objects; anything else is refused before anything is stored. */
    private static void requirePersons(JsonNode given) {
        if (given == null || given.isNull()) {
            return;
        }
        if (!given.isArray()) {
            throw ZohoException.invalid("contact_persons", "a list of contact persons");
        }
        for (JsonNode p : given) {
            if (!p.isObject()) {
                throw ZohoException.invalid("contact_persons", "every contact person is an object");
            }
        }
    }

    private void contactPersons(ObjectNode body, JsonNode given) {
        requirePersons(given);
        ArrayNode persons = NODES.arrayNode();
        boolean primaryGiven = false;
        if (given != null && given.isArray()) {
            for (JsonNode p : given) {
                primaryGiven |= p.path("is_primary_contact").asBoolean(false);
            }
            for (JsonNode p : given) {
                ObjectNode person = ((ObjectNode) p).deepCopy();
                if (!person.has("contact_person_id")) {
                    person.put("contact_person_id", String.valueOf(newId()));
                }
                if (!primaryGiven && persons.isEmpty()) {
                    person.put("is_primary_contact", true);
                }
                persons.add(person);
            }
        }
        body.set("contact_persons", persons);
        for (String f : List.of("email", "phone", "mobile", "first_name", "last_name")) {
            body.remove(f);
        }
        for (JsonNode p : persons) {
            if (p.path("is_primary_contact").asBoolean(false)) {
                for (String f : List.of("email", "phone", "mobile", "first_name", "last_name")) {
                    if (p.hasNonNull(f)) {
                        body.set(f, p.get(f));
                    }
                }
                break;
            }
        }
    }

    /** Books' custom fields: the given values merged by {@code index} into the ones held. */
    private static ArrayNode contactCustomFields(ArrayNode held, JsonNode given) {
        Map<Integer, ObjectNode> byIndex = new LinkedHashMap<>();
        held.forEach(f -> byIndex.put(f.get("index").asInt(), (ObjectNode) f));
        if (given != null && given.isArray()) {
            for (JsonNode f : given) {
                int index = f.path("index").asInt(-1);
                String[] def = CONTACT_FIELDS.get(index);
                if (def == null) {
                    throw ZohoException.invalid("custom_fields", "no custom field with index " + f.path("index"));
                }
                ObjectNode out = NODES.objectNode();
                out.put("index", index);
                out.put("label", def[0]);
                out.put("api_name", def[1]);
                out.set("value", f.has("value") ? f.get("value") : NODES.textNode(""));
                byIndex.put(index, out);
            }
        }
        ArrayNode out = NODES.arrayNode();
        byIndex.values().forEach(out::add);
        return out;
    }

    // ---------------------------------------------------------------- sales orders (Books)

    public synchronized ObjectNode createSalesOrder(ObjectNode req, boolean ownNumber, long now) {
        Rec customer = customer(req);
        String number;
        if (ownNumber) {
            number = text(req, "salesorder_number");
            if (number == null || number.isBlank()) {
                throw ZohoException.invalid("salesorder_number", "required with ignore_auto_number_generation=true");
            }
            requireFreeSalesOrderNumber(number, null);
        } else {
            do {
                number = String.format(Locale.ROOT, "SO-%05d", ++salesOrderSeq);
            } while (salesOrderNumbers.containsKey(number));
        }
        ArrayNode lines = salesOrderLines(req.get("line_items"));
        long id = newId();
        ObjectNode body = NODES.objectNode();
        body.put("salesorder_id", String.valueOf(id));
        copyExcept(req, body, "salesorder_id", "line_items", "status", "salesorder_number");
        body.put("salesorder_number", number);
        putIfMissing(body, "date", ZohoTime.date(now));
        body.put("status", "open");
        body.put("invoiced_status", "not_invoiced");
        body.put("customer_id", String.valueOf(customer.id));
        body.put("customer_name", text(customer.body, "contact_name"));
        body.put("currency_code", CURRENCY);
        body.set("line_items", lines);
        totals(body);
        body.put("created_time", ZohoTime.format(now));
        Rec rec = new Rec(id, now, body);
        rec.touch(now);
        records.get(Kind.salesorders).put(id, rec);
        salesOrderNumbers.put(number, id);
        return body.deepCopy();
    }

    public synchronized ObjectNode updateSalesOrder(long id, ObjectNode req, long now) {
        Rec rec = find(Kind.salesorders, id);
        Rec customer = customer(req);
        String oldNumber = text(rec.body, "salesorder_number");
        String number = req.hasNonNull("salesorder_number") ? text(req, "salesorder_number") : oldNumber;
        if (number.isBlank()) {
            throw ZohoException.invalid("salesorder_number");
        }
        requireFreeSalesOrderNumber(number, id);
        ArrayNode lines = req.has("line_items") ? salesOrderLines(req.get("line_items")) : null;
        copyExcept(req, rec.body, "salesorder_id", "line_items", "status", "invoiced_status", "salesorder_number",
                "created_time", "last_modified_time");
        rec.body.put("salesorder_number", number);
        rec.body.put("customer_id", String.valueOf(customer.id));
        rec.body.put("customer_name", text(customer.body, "contact_name"));
        if (lines != null) {
            rec.body.set("line_items", lines);
        }
        totals(rec.body);
        salesOrderNumbers.remove(oldNumber);
        salesOrderNumbers.put(number, id);
        rec.touch(now);
        return rec.body.deepCopy();
    }

    public synchronized void voidSalesOrder(long id, long now) {
        Rec rec = find(Kind.salesorders, id);
        rec.body.put("status", "void");
        rec.touch(now);
    }

    private Rec customer(ObjectNode req) {
        Rec customer = records.get(Kind.contacts).get(parseId(text(req, "customer_id")));
        if (customer == null) {
            throw ZohoException.invalid("customer_id", "no contact with that id");
        }
        return customer;
    }

    private void requireFreeSalesOrderNumber(String number, Long self) {
        Long holder = salesOrderNumbers.get(number);
        if (holder != null && !holder.equals(self)) {
            throw new ZohoException(400, 36004, "This sales order number already exists.");
        }
    }

    /** The lines as Zoho keeps them: each names an existing item; name, rate and unit default to the item's. */
    private ArrayNode salesOrderLines(JsonNode given) {
        if (given == null || !given.isArray() || given.isEmpty()) {
            throw ZohoException.invalid("line_items", "at least one line is required");
        }
        ArrayNode lines = NODES.arrayNode();
        int i = 0;
        for (JsonNode g : given) {
            String field = "line_items[" + i + "]";
            Rec item = records.get(Kind.items).get(parseId(text(g, "item_id")));
            if (item == null) {
                throw ZohoException.invalid(field + ".item_id", "no item with that id");
            }
            ObjectNode line = ((ObjectNode) g).deepCopy();
            line.remove("line_item_id");
            line.put("item_id", String.valueOf(item.id));
            if (!line.has("item_order")) {
                line.put("item_order", i + 1);
            }
            putIfMissing(line, "name", text(item.body, "name"));
            if (!line.has("rate")) {
                line.set("rate", item.body.has("rate") ? item.body.get("rate") : NODES.numberNode(0));
            }
            if (!line.has("quantity")) {
                line.put("quantity", 1);
            }
            if (line.get("quantity").decimalValue().signum() <= 0) {
                throw ZohoException.invalid(field + ".quantity", "must be more than 0");
            }
            if (line.get("rate").decimalValue().signum() < 0) {
                throw ZohoException.invalid(field + ".rate", "must not be negative");
            }
            if (!line.has("unit") && item.body.has("unit")) {
                line.set("unit", item.body.get("unit"));
            }
            lines.add(line);
            i++;
        }
        return lines;
    }

    /** No taxes or discounts are computed: sub_total = Σ rate × quantity; total adds shipping_charge and adjustment. */
    private static void totals(ObjectNode body) {
        BigDecimal sub = BigDecimal.ZERO;
        for (JsonNode l : body.withArray("line_items")) {
            sub = sub.add(l.get("rate").decimalValue().multiply(l.get("quantity").decimalValue()));
        }
        sub = money(sub);
        BigDecimal total = sub.add(body.path("shipping_charge").decimalValue()).add(body.path("adjustment").decimalValue());
        body.put("sub_total", sub);
        body.put("tax_total", money(BigDecimal.ZERO));
        body.put("total", money(total));
        body.put("price_precision", 2);
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    // ---------------------------------------------------------------- invoices (Books)

    /**
     * An invoice for everything on the sales order (Zoho's "convert to invoice"): a draft, its
     * {@code reference_number} the order's number; the order becomes {@code invoiced}. Refused when the order
     * is void, or has an invoice that is not void.
     */
    public synchronized ObjectNode invoiceFromSalesOrder(String salesOrderId, long now) {
        Rec so = records.get(Kind.salesorders).get(parseId(salesOrderId));
        if (so == null) {
            throw ZohoException.notFound(Kind.salesorders.label);
        }
        if ("void".equals(text(so.body, "status"))) {
            throw new ZohoException(400, 36013, "An invoice cannot be created for a void sales order.");
        }
        if (invoiceOf.containsKey(so.id)) {
            throw new ZohoException(400, 36012, "Invoice already created for this sales order.");
        }
        long id = newId();
        ObjectNode body = NODES.objectNode();
        body.put("invoice_id", String.valueOf(id));
        body.put("invoice_number", String.format(Locale.ROOT, "INV-%06d", ++invoiceSeq));
        body.put("date", ZohoTime.date(now));
        body.put("due_date", ZohoTime.date(now));
        body.put("payment_terms", 0);
        body.put("payment_terms_label", "Due on Receipt");
        body.put("status", "draft");
        body.put("reference_number", text(so.body, "salesorder_number"));
        body.put("customer_id", text(so.body, "customer_id"));
        body.put("customer_name", text(so.body, "customer_name"));
        body.put("currency_code", CURRENCY);
        ArrayNode lines = body.putArray("line_items");
        for (JsonNode l : so.body.withArray("line_items")) {
            ObjectNode line = lines.addObject();
            line.put("line_item_id", String.valueOf(newId()));
            for (String f : List.of("item_id", "name", "description", "item_order", "rate", "quantity", "unit")) {
                if (l.has(f)) {
                    line.set(f, l.get(f));
                }
            }
            line.put("item_total", money(l.get("rate").decimalValue().multiply(l.get("quantity").decimalValue())));
        }
        BigDecimal total = so.body.get("total").decimalValue();
        body.put("sub_total", so.body.get("sub_total").decimalValue());
        body.put("tax_total", money(BigDecimal.ZERO));
        // the document types an invoice's total and balance as strings
        body.put("total", total.toPlainString());
        body.put("balance", total.toPlainString());
        body.put("price_precision", 2);
        body.put("created_time", ZohoTime.format(now));
        Rec rec = new Rec(id, now, body);
        rec.salesOrder = so.id;
        rec.touch(now);
        records.get(Kind.invoices).put(id, rec);
        invoiceOf.put(so.id, id);
        so.body.put("invoiced_status", "invoiced");
        so.touch(now);
        return body.deepCopy();
    }

    /** Voids an invoice; its sales order is {@code not_invoiced} again (a new invoice may be made from it). */
    public synchronized void voidInvoice(long id, long now) {
        Rec rec = find(Kind.invoices, id);
        if ("void".equals(text(rec.body, "status"))) {
            return;
        }
        rec.body.put("status", "void");
        rec.body.put("balance", money(BigDecimal.ZERO).toPlainString());
        rec.touch(now);
        if (invoiceOf.remove(rec.salesOrder, id)) {
            Rec so = records.get(Kind.salesorders).get(rec.salesOrder);
            so.body.put("invoiced_status", "not_invoiced");
            so.touch(now);
        }
    }

    // ---------------------------------------------------------------- status, reading, lists

    public synchronized void setStatus(Kind kind, long id, String status, long now) {
        Rec rec = find(kind, id);
        rec.body.put("status", status);
        rec.touch(now);
    }

    public synchronized ObjectNode get(Kind kind, long id) {
        return find(kind, id).body.deepCopy();
    }

    private Rec find(Kind kind, long id) {
        Rec rec = records.get(kind).get(id);
        if (rec == null) {
            throw ZohoException.notFound(kind.label);
        }
        return rec;
    }

    /** A record's id from a path or a field: digits, else it names no record (-1). */
    public static long parseId(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(id);
    }

    /**
     * A page of the records that pass {@code filter}, ordered by {@code sortColumn} (a field of the record;
     * {@code created_time} and {@code last_modified_time} by the time itself), ties by id.
     *
     * @param modifiedSince epoch seconds, or null: only records whose last_modified_time is at or after it
     */
    public synchronized Page list(Kind kind, Predicate<ObjectNode> filter, Long modifiedSince, String sortColumn,
                                  boolean descending, int page, int perPage) {
        Comparator<Rec> order = switch (sortColumn) {
            case "created_time" -> Comparator.comparingLong(r -> r.created);
            case "last_modified_time" -> Comparator.comparingLong(r -> r.modified);
            default -> (a, b) -> compareField(a.body.get(sortColumn), b.body.get(sortColumn));
        };
        order = order.thenComparingLong(r -> r.id);
        if (descending) {
            order = order.reversed();
        }
        List<Rec> matching = new ArrayList<>();
        for (Rec r : records.get(kind).values()) {
            if ((modifiedSince == null || r.modified / 1000 >= modifiedSince) && filter.test(r.body)) {
                matching.add(r);
            }
        }
        matching.sort(order);
        long from = (long) (page - 1) * perPage;
        List<ObjectNode> out = new ArrayList<>();
        for (long i = from; i < Math.min(matching.size(), from + perPage); i++) {
            out.add(matching.get((int) i).body.deepCopy());
        }
        return new Page(out, from + perPage < matching.size());
    }

    private static int compareField(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.asText().compareToIgnoreCase(b.asText());
    }

    public synchronized int count(Kind kind) {
        return records.get(kind).size();
    }

    public synchronized Map<String, Integer> counts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        records.forEach((k, v) -> m.put(k.name(), v.size()));
        return m;
    }

    /** Every record gone; ids and seeded numbers go on from where they were (nothing is ever reused). */
    public synchronized void clear() {
        records.values().forEach(Map::clear);
        skus.clear();
        contactNames.clear();
        salesOrderNumbers.clear();
        invoiceOf.clear();
    }

    // ---------------------------------------------------------------- seeding

    /** Adds {@code items} items and {@code contacts} contacts made up by {@link Seeder}, modified over the last days. */
    public synchronized Map<String, Integer> seed(int items, int contacts, long seed, long now) {
        Seeder s = new Seeder(seed, now);
        int madeItems = 0;
        for (int i = 0; i < items; i++) {
            if (addItem(s.item(++seededItems)) > 0) {
                madeItems++;
            }
        }
        int madeContacts = 0;
        for (int i = 0; i < contacts; i++) {
            if (addContact(s.contact(++seededContacts)) > 0) {
                madeContacts++;
            }
        }
        Map<String, Integer> made = new LinkedHashMap<>();
        made.put("items", madeItems);
        made.put("contacts", madeContacts);
        return made;
    }

    /**
     * Adds the given items and contacts as they are (a create's fields, custom fields in the request's shape), created
     * and last modified at {@code modified}: what a Zoho organization already holds before a test or a local run starts.
     * Returns the new ids in the order given; a duplicate SKU or contact name is refused with Zoho's error, and then
     * nothing is added.
     */
    public synchronized Map<String, List<String>> importRecords(List<ObjectNode> items, List<ObjectNode> contacts, long modified) {
        java.util.Set<String> newSkus = new java.util.HashSet<>();
        for (ObjectNode b : items) {
            String sku = text(b, "sku");
            if (sku == null || text(b, "name") == null) {
                throw ZohoException.invalid("items", "every item needs name and sku");
            }
            if (skus.containsKey(key(sku)) || !newSkus.add(key(sku))) {
                throw new ZohoException(400, 1001, "Item with SKU " + sku + " already exists.");
            }
        }
        java.util.Set<String> newNames = new java.util.HashSet<>();
        for (ObjectNode b : contacts) {
            String name = text(b, "contact_name");
            if (name == null) {
                throw ZohoException.invalid("contacts", "every contact needs contact_name");
            }
            if (contactNames.containsKey(key(name)) || !newNames.add(key(name))) {
                throw new ZohoException(400, 3062, "The contact name already exists.");
            }
            requirePersons(b.get("contact_persons"));
        }
        List<String> itemIds = new ArrayList<>();
        for (ObjectNode b : items) {
            JsonNode cf = b.remove("custom_fields");
            itemIds.add(String.valueOf(addItem(new Seeder.Made(b, cf instanceof ArrayNode a ? a : NODES.arrayNode(), modified, modified))));
        }
        List<String> contactIds = new ArrayList<>();
        for (ObjectNode b : contacts) {
            JsonNode cf = b.remove("custom_fields");
            contactIds.add(String.valueOf(addContact(new Seeder.Made(b, cf instanceof ArrayNode a ? a : NODES.arrayNode(), modified, modified))));
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("items", itemIds);
        out.put("contacts", contactIds);
        return out;
    }

    /** Stores a made item; its id, or -1 when an item has its SKU already. */
    private long addItem(Seeder.Made m) {
        String sku = text(m.body(), "sku");
        if (skus.containsKey(key(sku))) {
            return -1;
        }
        long id = newId();
        m.body().put("item_id", id);
        m.body().set("custom_fields", itemCustomFields(NODES.arrayNode(), m.customFields()));
        Rec rec = new Rec(id, m.created(), m.body());
        rec.touch(m.modified());
        records.get(Kind.items).put(id, rec);
        skus.put(key(sku), id);
        return id;
    }

    /** Stores a made contact; its id, or -1 when a contact has its name already. */
    private long addContact(Seeder.Made m) {
        String name = text(m.body(), "contact_name");
        if (contactNames.containsKey(key(name))) {
            return -1;
        }
        long id = newId();
        m.body().put("contact_id", String.valueOf(id));
        JsonNode persons = m.body().remove("contact_persons");
        contactPersons(m.body(), persons);
        m.body().set("custom_fields", contactCustomFields(NODES.arrayNode(), m.customFields()));
        Rec rec = new Rec(id, m.created(), m.body());
        rec.touch(m.modified());
        records.get(Kind.contacts).put(id, rec);
        contactNames.put(key(name), id);
        return id;
    }

    // ---------------------------------------------------------------- helpers

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String key(String s) {
        return s.trim().toLowerCase(Locale.ROOT);
    }

    private static void copyExcept(ObjectNode from, ObjectNode to, String... except) {
        List<String> skip = List.of(except);
        from.fields().forEachRemaining(e -> {
            if (!skip.contains(e.getKey())) {
                to.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }

    private static void putIfMissing(ObjectNode body, String field, String value) {
        if (!body.hasNonNull(field) && value != null) {
            body.put(field, value);
        }
    }
}
