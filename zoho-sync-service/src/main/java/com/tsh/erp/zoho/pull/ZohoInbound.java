package com.tsh.erp.zoho.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.defaults.Actors;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.zoho.ZohoContactChanged;
import com.tsh.erp.events.zoho.ZohoEvents;
import com.tsh.erp.events.zoho.ZohoItemChanged;
import com.tsh.erp.outbox.OutboxWriter;
import com.tsh.erp.zoho.client.ZohoRecords;
import com.tsh.erp.zoho.config.ZohoConfig;
import com.tsh.erp.zoho.push.Mappings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Zoho records into {@code zoho.inbound} events (ZohoItemChanged, ZohoContactChanged) through the
 * outbox, for catalog-service and client-service to apply. The aggregate version is the record's
 * {@code last_modified_time} in milliseconds: it grows with every change in Zoho. A record whose
 * time is the one our own last write left is skipped: it is the echo of a push, not a change.
 */
@ApplicationScoped
public class ZohoInbound {

    static final String ACTOR = Actors.system("zoho-sync");
    private static final Logger LOG = Logger.getLogger(ZohoInbound.class);

    @Inject
    OutboxWriter outbox;
    @Inject
    Mappings mappings;
    @Inject
    ZohoConfig config;

    /** Publishes the page's records; returns how many were published (skipped: echoes and records without a SKU). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int publish(String kind, JsonNode records) {
        int published = 0;
        for (JsonNode r : records) {
            boolean sent = "items".equals(kind) ? item(r) : contact(r);
            if (sent) {
                published++;
            }
        }
        return published;
    }

    private boolean item(JsonNode r) {
        String id = r.path("item_id").asText();
        Instant modified = ZohoRecords.time(r.get("last_modified_time"));
        if (r.path("sku").asText("").isBlank()) {
            LOG.warnf("Zoho item %s has no SKU; not taken (the catalog keys products by SKU)", id);
            return false;
        }
        if (isEcho("product", id, modified)) {
            return false;
        }
        ZohoItemChanged item = new ZohoItemChanged(id, r.path("sku").asText(), r.path("name").asText(),
                customField(r, String.valueOf(config.customFields().itemNameAr()), "cf_name_ar"), text(r, "description"),
                decimal(r, "rate"), null, decimal(r, "purchase_rate"), text(r, "unit"), text(r, "status"),
                r.hasNonNull("stock_on_hand") ? r.get("stock_on_hand").asInt() : null,
                r.hasNonNull("reorder_level") ? r.get("reorder_level").asInt() : null, modified);
        outbox.append(ZohoEvents.ITEM_CHANGED, id, version(modified), ACTOR, EventEnvelope.ORIGIN_ZOHO, item);
        return true;
    }

    private boolean contact(JsonNode r) {
        String id = r.path("contact_id").asText();
        Instant modified = ZohoRecords.time(r.get("last_modified_time"));
        if (isEcho("client", id, modified)) {
            return false;
        }
        JsonNode address = r.path("billing_address");
        ZohoContactChanged contact = new ZohoContactChanged(id, r.path("contact_name").asText(),
                customField(r, String.valueOf(config.customFields().contactNameArIndex()), "cf_name_ar"),
                text(r, "customer_sub_type"), text(r, "phone"), text(r, "mobile"), text(r, "email"), text(address, "address"),
                text(address, "city"), text(address, "state"), decimal(r, "credit_limit"), text(r, "status"), modified);
        outbox.append(ZohoEvents.CONTACT_CHANGED, id, version(modified), ACTOR, EventEnvelope.ORIGIN_ZOHO, contact);
        return true;
    }

    private boolean isEcho(String kind, String zohoId, Instant modified) {
        return modified != null && mappings.byZohoId(kind, zohoId)
                .map(m -> m.zohoModifiedAt() != null && !modified.isAfter(m.zohoModifiedAt())).orElse(false);
    }

    private static long version(Instant modified) {
        return modified == null ? 0 : modified.toEpochMilli();
    }

    /** A custom field's value by its id or index, or its api_name, when the answer carries custom fields. */
    private static String customField(JsonNode r, String idOrIndex, String apiName) {
        for (JsonNode f : r.path("custom_fields")) {
            if (idOrIndex.equals(f.path("customfield_id").asText()) || idOrIndex.equals(f.path("index").asText())
                    || apiName.equals(f.path("api_name").asText())) {
                return text(f, "value");
            }
        }
        return null;
    }

    private static String text(JsonNode r, String field) {
        JsonNode v = r.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static BigDecimal decimal(JsonNode r, String field) {
        JsonNode v = r.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : new BigDecimal(v.asText());
    }
}
