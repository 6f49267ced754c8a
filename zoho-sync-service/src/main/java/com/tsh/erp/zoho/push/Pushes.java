package com.tsh.erp.zoho.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tsh.erp.events.EventJson;
import com.tsh.erp.events.catalog.ProductUpserted;
import com.tsh.erp.events.clients.ClientUpserted;
import com.tsh.erp.events.orders.OrderConfirmed;
import com.tsh.erp.zoho.client.ZohoException;
import com.tsh.erp.zoho.client.ZohoRecords;
import com.tsh.erp.zoho.client.ZohoRecords.Written;
import com.tsh.erp.zoho.push.Mappings.Mapping;
import com.tsh.erp.zoho.push.SyncTasks.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Brings one record's Zoho copy to the state its task holds. The rule for creating: a record is
 * created in Zoho only when it is not mapped, and, if an earlier create's answer was never seen
 * ({@code create_unsure}) or Zoho says the SKU or number is taken, only after looking it up by its
 * natural key (SKU, phone or email, order number) and adopting what is found. So a lost answer never
 * makes a second Zoho record.
 */
@ApplicationScoped
public class Pushes {

    private static final Logger LOG = Logger.getLogger(Pushes.class);
    /** Zoho's codes for "that key is taken" (item SKU, contact name, sales order number). */
    static final Set<Integer> DUPLICATE_CODES = Set.of(1001, 3062, 36004);

    /** The order needs other records in Zoho first; the worker tries it again shortly. */
    public static final class Waiting extends RuntimeException {
        private final List<String> keys;

        /** {@code keys}: what is waited for, as {@code <kind>:<erp id>} (a mapping of one of them wakes the wait). */
        public Waiting(String what, List<String> keys) {
            super(what);
            this.keys = List.copyOf(keys);
        }

        public List<String> keys() {
            return keys;
        }
    }

    @Inject
    ZohoRecords zoho;
    @Inject
    Mappings mappings;
    @Inject
    SyncTasks tasks;
    @Inject
    ObjectMapper json;

    public void push(Task t) throws InterruptedException {
        switch (t.kind()) {
            case "product" -> product(t);
            case "client" -> client(t);
            case "order" -> order(t);
            default -> throw new IllegalStateException("unknown task kind " + t.kind());
        }
    }

    // --- products -> Inventory items ----------------------------------------------------------------

    void product(Task t) throws InterruptedException {
        JsonNode state = read(t.state());
        Optional<Mapping> mapped = mappings.find("product", t.erpId());
        boolean active = state.path("active").asBoolean(true);
        if (state.path("deactivationOnly").asBoolean(false)) {
            if (mapped.isPresent() && !"inactive".equals(mapped.get().zohoStatus())) {
                zoho.setItemActive(mapped.get().zohoId(), false);
            }
            finish(t, "product", mapped.map(Mapping::zohoId).orElse(null), state.path("sku").asText(null), "inactive", null);
            return;
        }
        ProductUpserted p = EventJson.mapper().convertValue(state, ProductUpserted.class);
        ObjectNode item = zoho.item(p);
        Written w;
        String zohoStatus;
        if (mapped.isPresent()) {
            w = zoho.updateItem(mapped.get().zohoId(), item);
            zohoStatus = mapped.get().zohoStatus();
        } else {
            Optional<Written> found = t.createUnsure() ? zoho.findItemBySku(p.sku()) : Optional.empty();
            if (found.isEmpty()) {
                tasks.createSent(t);
                try {
                    found = Optional.of(zoho.createItem(item));
                    remember(t, "product", found.get(), p.sku());
                } catch (ZohoException.Refused r) {
                    if (!DUPLICATE_CODES.contains(r.code())) {
                        throw r;
                    }
                    found = Optional.of(zoho.findItemBySku(p.sku()).orElseThrow(() -> r));
                    remember(t, "product", found.get(), p.sku());
                    zoho.updateItem(found.get().zohoId(), item);
                }
            } else {
                remember(t, "product", found.get(), p.sku());
                zoho.updateItem(found.get().zohoId(), item);
            }
            w = found.get();
            zohoStatus = w.status() == null ? "active" : w.status();
        }
        String wanted = active ? "active" : "inactive";
        if (!wanted.equals(zohoStatus)) {
            zoho.setItemActive(w.zohoId(), active);
        }
        finish(t, "product", w.zohoId(), p.sku(), wanted, w.lastModified());
    }

    // --- clients -> Books contacts ----------------------------------------------------------------

    void client(Task t) throws InterruptedException {
        ClientUpserted c = EventJson.mapper().convertValue(read(t.state()), ClientUpserted.class);
        ObjectNode contact = zoho.contact(c);
        Optional<Mapping> mapped = mappings.find("client", t.erpId());
        Written w;
        String zohoStatus;
        if (mapped.isPresent()) {
            w = zoho.updateContact(mapped.get().zohoId(), contact);
            zohoStatus = mapped.get().zohoStatus();
        } else {
            Optional<Written> found = t.createUnsure() ? zoho.findContact(c) : Optional.empty();
            if (found.isEmpty()) {
                tasks.createSent(t);
                try {
                    found = Optional.of(zoho.createContact(contact));
                    remember(t, "client", found.get(), c.phone());
                } catch (ZohoException.Refused r) {
                    if (!DUPLICATE_CODES.contains(r.code())) {
                        throw r;
                    }
                    // the name is taken: ours from a lost answer (same phone or email), or someone else's (a real refusal)
                    found = Optional.of(zoho.findContact(c).orElseThrow(() -> r));
                    remember(t, "client", found.get(), c.phone());
                    zoho.updateContact(found.get().zohoId(), contact);
                }
            } else {
                remember(t, "client", found.get(), c.phone());
                zoho.updateContact(found.get().zohoId(), contact);
            }
            w = found.get();
            zohoStatus = w.status() == null ? "active" : w.status();
        }
        String wanted = c.active() ? "active" : "inactive";
        if (!wanted.equals(zohoStatus)) {
            zoho.setContactActive(w.zohoId(), c.active());
        }
        finish(t, "client", w.zohoId(), c.phone(), wanted, w.lastModified());
    }

    // --- orders -> Books sales orders, invoices, voids ----------------------------------------------

    /**
     * An order's task holds {@code confirmed} (the OrderConfirmed payload) and {@code target}
     * (CONFIRMED, DELIVERED or CANCELLED). The steps run in order and each is skipped when its mapping
     * says it is done: the sales order, then the invoice when delivered, then the voids when cancelled.
     */
    void order(Task t) throws InterruptedException {
        JsonNode state = read(t.state());
        String target = state.path("target").asText("CONFIRMED");
        Optional<Mapping> so = mappings.find("order", t.erpId());
        if (so.isEmpty()) {
            if (!state.hasNonNull("confirmed")) {
                // cancelled (or delivered) without a confirmation this service saw: nothing of it is in Zoho
                LOG.infof("order %s: %s without a confirmed order; nothing to send to Zoho", t.erpId(), target);
                finish(t, "order", null, null, null, null);
                return;
            }
            OrderConfirmed o = EventJson.mapper().convertValue(state.get("confirmed"), OrderConfirmed.class);
            so = Optional.of(salesOrder(t, o));
        }
        String number = so.get().erpKey();
        if ("DELIVERED".equals(target) && mappings.find("invoice", t.erpId()).isEmpty()) {
            Optional<Written> invoice = t.createUnsure() ? zoho.findInvoice(number) : Optional.empty();
            if (invoice.isEmpty()) {
                tasks.createSent(t);
                try {
                    invoice = Optional.of(zoho.invoiceFromSalesOrder(so.get().zohoId()));
                } catch (ZohoException.Refused r) {
                    invoice = Optional.of(zoho.findInvoice(number).orElseThrow(() -> r));
                }
            }
            mappings.save("invoice", t.erpId(), invoice.get().zohoId(), number, t.version(), invoice.get().status(), invoice.get().lastModified());
        }
        if ("CANCELLED".equals(target) && !"void".equals(so.get().zohoStatus())) {
            Optional<Mapping> invoice = mappings.find("invoice", t.erpId());
            if (invoice.isPresent() && !"void".equals(invoice.get().zohoStatus())) {
                zoho.voidInvoice(invoice.get().zohoId());
                mappings.save("invoice", t.erpId(), invoice.get().zohoId(), number, t.version(), "void", null);
            }
            zoho.voidSalesOrder(so.get().zohoId(), state.path("reason").asText(null));
            mappings.save("order", t.erpId(), so.get().zohoId(), number, t.version(), "void", null);
        }
        finish(t, "order", so.get().zohoId(), number, null, null);
    }

    private Mapping salesOrder(Task t, OrderConfirmed o) throws InterruptedException {
        String clientId = String.valueOf(o.clientId());
        Optional<Mapping> customer = mappings.find("client", clientId);
        List<String> productIds = o.lines().stream().map(l -> String.valueOf(l.productId())).distinct().toList();
        Map<String, String> items = mappings.zohoIds("product", productIds);
        if (customer.isEmpty() || items.size() < productIds.size()) {
            List<String> missing = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            if (customer.isEmpty()) {
                missing.add("client " + clientId);
                keys.add("client:" + clientId);
                tasks.raise("client", List.of(clientId));
            }
            Set<String> missingProducts = new LinkedHashSet<>(productIds);
            missingProducts.removeAll(items.keySet());
            if (!missingProducts.isEmpty()) {
                missing.add("products " + String.join(", ", missingProducts));
                missingProducts.forEach(p -> keys.add("product:" + p));
                tasks.raise("product", missingProducts);
            }
            throw new Waiting("waiting for " + String.join("; ", missing) + " to reach Zoho", keys);
        }
        Map<Long, String> itemIds = new java.util.HashMap<>();
        items.forEach((k, v) -> itemIds.put(Long.valueOf(k), v));
        Optional<Written> found = t.createUnsure() ? zoho.findSalesOrder(o.orderNumber()) : Optional.empty();
        if (found.isEmpty()) {
            tasks.createSent(t);
            try {
                found = Optional.of(zoho.createSalesOrder(zoho.salesOrder(o, customer.get().zohoId(), itemIds)));
            } catch (ZohoException.Refused r) {
                if (!DUPLICATE_CODES.contains(r.code())) {
                    throw r;
                }
                found = Optional.of(zoho.findSalesOrder(o.orderNumber()).orElseThrow(() -> r));
            }
        }
        Written w = found.get();
        mappings.save("order", t.erpId(), w.zohoId(), o.orderNumber(), t.version(), w.status() == null ? "open" : w.status(), w.lastModified());
        return mappings.find("order", t.erpId()).orElseThrow();
    }

    /** The Zoho id is known: kept at once, so a failure in a later step of this push cannot lose it. */
    private void remember(Task t, String kind, Written w, String key) {
        mappings.save(kind, t.erpId(), w.zohoId(), key, 0, w.status(), w.lastModified());
    }

    @Transactional
    void finish(Task t, String kind, String zohoId, String key, String zohoStatus, java.time.Instant modified) {
        if (zohoId != null) {
            mappings.save(kind, t.erpId(), zohoId, key, t.version(), zohoStatus, modified);
        }
        tasks.finished(t);
    }

    private JsonNode read(String state) {
        try {
            return json.readTree(state);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable task state: " + e.getMessage(), e);
        }
    }
}
