package com.tsh.erp.zohosim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import java.util.function.Predicate;

/** Zoho Books v3 invoices, made from sales orders. */
@Path("/books/v3/invoices")
@Produces(MediaType.APPLICATION_JSON)
public class BooksInvoicesResource {

    static final Set<String> SORT = Set.of("created_time", "last_modified_time", "invoice_number", "date",
            "customer_name");
    static final Set<String> FILTERS = Set.of("Status.All", "Status.Draft", "Status.Void");

    @Inject
    ApiGate gate;
    @Inject
    Store store;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;
    @Context
    HttpServerRequest request;

    @POST
    @Path("/fromsalesorder")
    public Response fromSalesOrder(String body) {
        return gate.run(Op.INVOICE_FROM_SALES_ORDER, uri, headers, request, body,
                c -> Lists.answer("Invoice has been created.", "invoice",
                        store.invoiceFromSalesOrder(c.query("salesorder_id"), c.now)));
    }

    /** Filters: reference_number, customer_id, invoice_number (exact), status, search_text, filter_by, last_modified_time. */
    @GET
    public Response list() {
        return gate.run(Op.INVOICE_LIST, uri, headers, request, null, c -> {
            Lists.Params p = Lists.params(c, SORT, FILTERS);
            Predicate<ObjectNode> filter = Lists.status(p.filterBy())
                    .and(Lists.equalsExactly("reference_number", c.query("reference_number")))
                    .and(Lists.equalsExactly("customer_id", c.query("customer_id")))
                    .and(Lists.equalsExactly("invoice_number", c.query("invoice_number")))
                    .and(Lists.equalsIgnoreCase("status", c.query("status")))
                    .and(Lists.contains(c.query("search_text"), "invoice_number", "reference_number", "customer_name"));
            return Lists.answer("invoices", store.list(Store.Kind.invoices, filter, p.modifiedSince(), p.sortColumn(),
                    p.descending(), p.page(), p.perPage()), p, "Invoices");
        });
    }

    @GET
    @Path("/{invoice_id}")
    public Response get(@PathParam("invoice_id") String id) {
        return gate.run(Op.INVOICE_GET, uri, headers, request, null,
                c -> Lists.answer("success", "invoice", store.get(Store.Kind.invoices, Store.parseId(id))));
    }

    @POST
    @Path("/{invoice_id}/status/void")
    public Response voidInvoice(@PathParam("invoice_id") String id) {
        return gate.run(Op.INVOICE_VOID, uri, headers, request, null, c -> {
            store.voidInvoice(Store.parseId(id), c.now);
            return Lists.answer("Invoice status has been changed to Void.", null, null);
        });
    }
}
