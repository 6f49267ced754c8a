package com.tsh.erp.zohosim;

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
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Zoho Inventory v1 items. */
@Path("/inventory/v1/items")
@Produces(MediaType.APPLICATION_JSON)
public class InventoryItemsResource {

    static final Set<String> SORT = Set.of("created_time", "last_modified_time", "name", "sku");
    static final Set<String> FILTERS = Set.of("Status.All", "Status.Active", "Status.Inactive");

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
    public Response create(String body) {
        return gate.run(Op.ITEM_CREATE, uri, headers, request, body,
                c -> Lists.answer("The item has been added.", "item", store.createItem(c.body, c.now)));
    }

    /** Filters: sku (exact, any case), search_text (name or sku contains), filter_by, last_modified_time. */
    @GET
    public Response list() {
        return gate.run(Op.ITEM_LIST, uri, headers, request, null, c -> {
            Lists.Params p = Lists.params(c, SORT, FILTERS);
            Predicate<ObjectNode> filter = Lists.status(p.filterBy())
                    .and(Lists.equalsIgnoreCase("sku", c.query("sku")))
                    .and(Lists.contains(c.query("search_text"), "name", "sku"));
            return Lists.answer("items", store.list(Store.Kind.items, filter, p.modifiedSince(), p.sortColumn(),
                    p.descending(), p.page(), p.perPage()), p, "Items");
        });
    }

    @GET
    @Path("/{item_id}")
    public Response get(@PathParam("item_id") String id) {
        return gate.run(Op.ITEM_GET, uri, headers, request, null,
                c -> Lists.answer("success", "item", store.get(Store.Kind.items, Store.parseId(id))));
    }

    @PUT
    @Path("/{item_id}")
    public Response update(@PathParam("item_id") String id, String body) {
        return gate.run(Op.ITEM_UPDATE, uri, headers, request, body,
                c -> Lists.answer("Item details have been saved.", "item", store.updateItem(Store.parseId(id), c.body, c.now)));
    }

    @POST
    @Path("/{item_id}/active")
    public Response active(@PathParam("item_id") String id) {
        return gate.run(Op.ITEM_ACTIVE, uri, headers, request, null, c -> {
            store.setStatus(Store.Kind.items, Store.parseId(id), "active", c.now);
            return Lists.answer("The item has been marked as active.", null, null);
        });
    }

    @POST
    @Path("/{item_id}/inactive")
    public Response inactive(@PathParam("item_id") String id) {
        return gate.run(Op.ITEM_INACTIVE, uri, headers, request, null, c -> {
            store.setStatus(Store.Kind.items, Store.parseId(id), "inactive", c.now);
            return Lists.answer("The item has been marked as inactive.", null, null);
        });
    }
}
