package com.tsh.erp.zohosim;

import com.tsh.erp.zohosim.ZohoDocuments.Doc;
import java.util.Set;

/**
 * The Zoho operations the simulator serves: the document and operation each is checked against, the status
 * of its success (the document's), whether it creates a record (lost answers apply only to those), and the
 * query parameters it accepts beyond what the document lists (Zoho accepts them; the documents omit them).
 */
public enum Op {
    ITEM_CREATE(Doc.INVENTORY_ITEMS, "POST", "/items", 200, true),
    ITEM_LIST(Doc.INVENTORY_ITEMS, "GET", "/items", 200, false,
            "page", "per_page", "sku", "search_text", "filter_by", "last_modified_time", "sort_column", "sort_order"),
    ITEM_GET(Doc.INVENTORY_ITEMS, "GET", "/items/{item_id}", 200, false),
    ITEM_UPDATE(Doc.INVENTORY_ITEMS, "PUT", "/items/{item_id}", 200, false),
    ITEM_ACTIVE(Doc.INVENTORY_ITEMS, "POST", "/items/{item_id}/active", 200, false),
    ITEM_INACTIVE(Doc.INVENTORY_ITEMS, "POST", "/items/{item_id}/inactive", 200, false),

    CONTACT_CREATE(Doc.BOOKS_CONTACTS, "POST", "/contacts", 201, true),
    CONTACT_LIST(Doc.BOOKS_CONTACTS, "GET", "/contacts", 200, false, "last_modified_time", "sort_order"),
    CONTACT_GET(Doc.BOOKS_CONTACTS, "GET", "/contacts/{contact_id}", 200, false),
    CONTACT_UPDATE(Doc.BOOKS_CONTACTS, "PUT", "/contacts/{contact_id}", 200, false),
    CONTACT_ACTIVE(Doc.BOOKS_CONTACTS, "POST", "/contacts/{contact_id}/active", 200, false),
    CONTACT_INACTIVE(Doc.BOOKS_CONTACTS, "POST", "/contacts/{contact_id}/inactive", 200, false),

    SALES_ORDER_CREATE(Doc.BOOKS_SALES_ORDERS, "POST", "/salesorders", 201, true),
    SALES_ORDER_LIST(Doc.BOOKS_SALES_ORDERS, "GET", "/salesorders", 200, false, "sort_order"),
    SALES_ORDER_GET(Doc.BOOKS_SALES_ORDERS, "GET", "/salesorders/{salesorder_id}", 200, false),
    SALES_ORDER_UPDATE(Doc.BOOKS_SALES_ORDERS, "PUT", "/salesorders/{salesorder_id}", 200, false),
    SALES_ORDER_VOID(Doc.BOOKS_SALES_ORDERS, "POST", "/salesorders/{salesorder_id}/status/void", 201, false),

    INVOICE_FROM_SALES_ORDER(Doc.BOOKS_INVOICES, "POST", "/invoices/fromsalesorder", 201, true),
    INVOICE_LIST(Doc.BOOKS_INVOICES, "GET", "/invoices", 200, false, "sort_order"),
    INVOICE_GET(Doc.BOOKS_INVOICES, "GET", "/invoices/{invoice_id}", 200, false),
    INVOICE_VOID(Doc.BOOKS_INVOICES, "POST", "/invoices/{invoice_id}/status/void", 200, false);

    public final Doc doc;
    public final String method;
    /** The path in the document (below the base path). */
    public final String template;
    public final int status;
    public final boolean creates;
    /** Query parameters accepted beyond the document (besides organization_id, which every operation lists). */
    public final Set<String> extraQuery;

    Op(Doc doc, String method, String template, int status, boolean creates, String... extraQuery) {
        this.doc = doc;
        this.method = method;
        this.template = template;
        this.status = status;
        this.creates = creates;
        this.extraQuery = Set.of(extraQuery);
    }

    /** Whether the operation takes a JSON body (an empty one is refused as Zoho refuses a missing JSONString). */
    public boolean needsBody() {
        return this == ITEM_CREATE || this == ITEM_UPDATE || this == CONTACT_CREATE || this == CONTACT_UPDATE
                || this == SALES_ORDER_CREATE || this == SALES_ORDER_UPDATE;
    }

    /** The base path of the document: {@code /inventory/v1} or {@code /books/v3}. */
    public String basePath() {
        return doc == Doc.INVENTORY_ITEMS ? "/inventory/v1" : "/books/v3";
    }
}
