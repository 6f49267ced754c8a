package com.tsh.erp.catalog.api;

import com.tsh.erp.defaults.Roles;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.catalog.api.ProductRequests.CreateProduct;
import com.tsh.erp.catalog.api.ProductRequests.StockAdjustment;
import com.tsh.erp.catalog.api.ProductRequests.UpdateProduct;
import com.tsh.erp.defaults.Batch;
import com.tsh.erp.catalog.api.ProductViews.LedgerEntry;
import com.tsh.erp.catalog.api.ProductViews.ProductDetail;
import com.tsh.erp.catalog.api.ProductViews.ProductListItem;
import com.tsh.erp.catalog.api.ProductViews.StockFigures;
import com.tsh.erp.catalog.service.ProductDetails;
import com.tsh.erp.catalog.service.ProductQuery;
import com.tsh.erp.catalog.service.ProductSearch;
import com.tsh.erp.catalog.service.ProductWrites;
import com.tsh.erp.catalog.service.StockLedger;
import com.tsh.erp.defaults.Actors;
import com.tsh.erp.defaults.ApiDocument;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.IdList;
import com.tsh.erp.defaults.Money;
import com.tsh.erp.defaults.PageParams;
import com.tsh.erp.outbox.IdempotentRequests;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/products")
@Tag(name = "Products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductResource {

    @Inject
    ProductSearch search;
    @Inject
    ProductDetails details;
    @Inject
    ProductWrites writes;
    @Inject
    StockLedger ledger;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    ObjectMapper json;

    /**
     * Products, filtered and sorted; or, with {@code ids}, the listed products (at most 100, for
     * the gateway; other parameters are then ignored).
     */
    @GET
    @APIResponse(responseCode = "200", description = "A page of products (list fields only), or with `ids` the listed products",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {ProductViews.ProductPage.class, ProductViews.ProductBatch.class})))
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT, Roles.WAREHOUSE, Roles.SALESPERSON, Roles.PARTNER_SALESMAN, Roles.TRAVEL_SALESPERSON, Roles.CLIENT})
    public Object list(@QueryParam("q") @Size(max = 100) String q,
                       @QueryParam("category_id") Long categoryId,
                       @QueryParam("active") @Pattern(regexp = "true|false", message = "must be true or false") String active,
                       @QueryParam("in_stock") @Pattern(regexp = "true|false", message = "must be true or false") String inStock,
                       @QueryParam("min_price") @Money BigDecimal minPrice,
                       @QueryParam("max_price") @Money BigDecimal maxPrice,
                       @QueryParam("sort") @Pattern(regexp = "relevance|name|newest|price|-price", message = "must be relevance, name, newest, price or -price")
                       @Parameter(description = "relevance (the default with q: exact SKU, SKU prefix, whole words, word starts, inside words, "
                               + "similar words; by name within each), name (the default without q), newest, price, -price; "
                               + "with q the relevance tiers come first and this orders each") String sort,
                       @Valid @BeanParam PageParams.Of25 paging,
                       @QueryParam("ids") @Parameter(description = "Up to 100 product ids, comma-separated; the other parameters are then ignored",
                               schema = @Schema(type = SchemaType.STRING, pattern = IdList.PATTERN)) String ids) {
        if (ids != null) {
            return search.byIds(IdList.parse("ids", ids)).map(ProductViews::listItem);
        }
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            throw ApiException.badRequest("min_price", "must not be above max_price");
        }
        return ProductViews.listPage(search.list(new ProductQuery(q, categoryId, active == null ? null : Boolean.valueOf(active),
                inStock == null ? null : Boolean.valueOf(inStock), minPrice, maxPrice, sort, paging.page(), paging.perPage())));
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The product")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT, Roles.WAREHOUSE, Roles.SALESPERSON, Roles.PARTNER_SALESMAN, Roles.TRAVEL_SALESPERSON, Roles.CLIENT})
    public ProductDetail get(@PathParam("id") long id) {
        return ProductViews.detail(details.get(id));
    }

    @GET
    @Path("/by-sku/{sku}")
    @APIResponse(responseCode = "200", description = "The product with this SKU (in any case)")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT, Roles.WAREHOUSE, Roles.SALESPERSON, Roles.PARTNER_SALESMAN, Roles.TRAVEL_SALESPERSON, Roles.CLIENT})
    public ProductDetail bySku(@PathParam("sku") String sku) {
        return ProductViews.detail(details.bySku(sku));
    }

    @POST
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "The product's path", required = true, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductDetail.class)))
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "422", ref = ApiDocument.UNPROCESSABLE)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public Response create(@Valid @NotNull CreateProduct body, @Context SecurityContext security) {
        ProductDetail created = ProductViews.detail(writes.create(ProductRequests.input(body, null), body.stockOnHand, Actors.of(security)));
        return Response.status(201).header("Location", "/products/" + created.id()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The product as changed")
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "422", ref = ApiDocument.UNPROCESSABLE)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public ProductDetail update(@PathParam("id") long id, @Valid @NotNull UpdateProduct body, @Context SecurityContext security) {
        return ProductViews.detail(writes.update(id, body.version, ProductRequests.input(body, body.active), Actors.of(security)));
    }

    @POST
    @Path("/{id}/deactivate")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "200", description = "The product, inactive")
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public ProductDetail deactivate(@PathParam("id") long id, @Context SecurityContext security) {
        return ProductViews.detail(writes.deactivate(id, Actors.of(security)));
    }

    /**
     * Answers 201 with the figures after the change. With an Idempotency-Key, a retry of the same
     * request gets the first answer again and changes nothing; the same key with another request
     * is 422 (IdempotentRequests).
     */
    @POST
    @Path("/{id}/stock-adjustments")
    @APIResponse(responseCode = "201", description = "Applied (or, for a retry with the same `Idempotency-Key`, the first answer again); "
            + "the stock figures after it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StockFigures.class)))
    @APIResponse(responseCode = "422", ref = ApiDocument.UNPROCESSABLE)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.WAREHOUSE})
    public Response adjust(@PathParam("id") long id, @Valid @NotNull StockAdjustment body,
                           @HeaderParam("Idempotency-Key") @Size(min = 1, max = 100)
                           @Parameter(description = "Any unique string (a goods-received note number, a UUID): a retry of the "
                                   + "same request with it gets the first answer again and changes nothing; the same key with "
                                   + "another request is 422") String idempotencyKey,
                           @Context SecurityContext security) throws JsonProcessingException {
        String actor = Actors.of(security);
        if (idempotencyKey == null) {
            return Response.status(201).entity(adjust(id, body, null, actor)).build();
        }
        String request = "POST /products/" + id + "/stock-adjustments " + json.writeValueAsString(body);
        IdempotentRequests.Answer answer = idempotent.execute("stock-adjustment", idempotencyKey, request,
                () -> new IdempotentRequests.Answer(201, write(adjust(id, body, idempotencyKey, actor))));
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
    }

    private StockFigures adjust(long id, StockAdjustment body, String idempotencyKey, String actor) {
        return ProductViews.figures(writes.adjustStock(id, body.quantityDelta(), body.reason(), idempotencyKey, actor));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("/{id}/stock-ledger")
    @APIResponse(responseCode = "200", description = "The product's stock history, newest first")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT, Roles.WAREHOUSE})
    public Page<LedgerEntry> ledger(@PathParam("id") long id, @Valid @BeanParam PageParams.Of25 paging) {
        details.requireExists(id);
        Page<StockLedger.Entry> entries = ledger.entries(id, paging.page(), paging.perPage());
        return new Page<>(entries.items().stream().map(ProductViews::entry).toList(), paging.page(), paging.perPage(),
                entries.hasMore());
    }
}
