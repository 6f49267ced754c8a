package com.tsh.erp.zohosim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** Zoho Books v3 sales orders. */
@Path("/books/v3/salesorders")
@Produces(MediaType.APPLICATION_JSON)
public class BooksSalesOrdersResource {

    static final Set<String> SORT = Set.of("created_time", "last_modified_time", "salesorder_number", "date",
            "customer_name", "total");
    static final Set<String> FILTERS = Set.of("Status.All", "Status.Open", "Status.Void");

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

    /** {@code ignore_auto_number_generation=true}: the body's salesorder_number is used; else the simulator numbers it. */
    @POST
    public Response create(String body) {
        return gate.run(Op.SALES_ORDER_CREATE, uri, headers, request, body,
                c -> Lists.answer("Sales Order has been created.", "salesorder",
                        store.createSalesOrder(c.body, c.flag("ignore_auto_number_generation"), c.now)));
    }

    /** Filters: salesorder_number, customer_id, reference_number (exact), status, search_text, filter_by, last_modified_time. */
    @GET
    public Response list() {
        return gate.run(Op.SALES_ORDER_LIST, uri, headers, request, null, c -> {
            Lists.Params p = Lists.params(c, SORT, FILTERS);
            Predicate<ObjectNode> filter = Lists.status(p.filterBy())
                    .and(Lists.equalsExactly("salesorder_number", c.query("salesorder_number")))
                    .and(Lists.equalsExactly("customer_id", c.query("customer_id")))
                    .and(Lists.equalsExactly("reference_number", c.query("reference_number")))
                    .and(Lists.equalsIgnoreCase("status", c.query("status")))
                    .and(Lists.contains(c.query("search_text"), "salesorder_number", "reference_number", "customer_name"));
            return Lists.answer("salesorders", store.list(Store.Kind.salesorders, filter, p.modifiedSince(), p.sortColumn(),
                    p.descending(), p.page(), p.perPage()), p, "Sales Orders");
        });
    }

    @GET
    @Path("/{salesorder_id}")
    public Response get(@PathParam("salesorder_id") String id) {
        return gate.run(Op.SALES_ORDER_GET, uri, headers, request, null,
                c -> Lists.answer("success", "salesorder", store.get(Store.Kind.salesorders, Store.parseId(id))));
    }

    @PUT
    @Path("/{salesorder_id}")
    public Response update(@PathParam("salesorder_id") String id, String body) {
        return gate.run(Op.SALES_ORDER_UPDATE, uri, headers, request, body,
                c -> Lists.answer("Sales Order has been updated.", "salesorder",
                        store.updateSalesOrder(Store.parseId(id), c.body, c.now)));
    }

    @POST
    @Path("/{salesorder_id}/status/void")
    public Response voidOrder(@PathParam("salesorder_id") String id, String body) {
        return gate.run(Op.SALES_ORDER_VOID, uri, headers, request, body, c -> {
            store.voidSalesOrder(Store.parseId(id), c.now);
            return Lists.answer("Sales Order status has been changed to Void.", null, null);
        });
    }
}
