package com.tsh.erp.gateway.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tsh.erp.defaults.Caller;
import com.tsh.erp.defaults.Roles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The phone lists: products, clients and orders at most 50 a page, with only what a phone's list row shows, and
 * {@code has_more}. Each is one call to the service that owns the data (with the caller's token, so the service
 * applies the caller's roles and ownership as for any call), reshaped here. A product row carries both prices: the app
 * shows the one of the client it sells to (wholesale or retail). One order ({@code /orders/{id}}) is composed: the
 * order from order-service, then its products from catalog-service in one batch ({@code ?ids=}), never a call per line.
 * A service that is down is 503 for its routes only (the order's products: the names it was ordered under, no
 * thumbnails).
 */
@Path("/mobile/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "mobile", description = "Short lists for the phones (at most 50 a page)")
public class MobileResource {

    public static final int MAX_PER_PAGE = 50;

    @Inject
    Forwarder forwarder;

    @Inject
    ObjectMapper json;

    @Schema(name = "MobileProduct", description = "A product as a phone's list row shows it")
    public record Product(long id, String sku, String name, String nameAr, BigDecimal retailPrice, BigDecimal wholesalePrice,
                          @Schema(description = "On hand less reserved") int available,
                          @Schema(nullable = true, description = "The first image, if any") String imageUrl) {
    }

    @Schema(name = "MobileProductPage")
    public record ProductPage(List<Product> items, int page, int perPage, boolean hasMore) {
    }

    @Schema(name = "MobileClient", description = "A client as a phone's list row shows it")
    public record Client(long id, String name, String nameAr, @Schema(enumeration = {"WHOLESALE", "RETAIL"}) String clientType,
                         @Schema(nullable = true) String phone, @Schema(nullable = true) String city) {
    }

    @Schema(name = "MobileClientPage")
    public record ClientPage(List<Client> items, int page, int perPage, boolean hasMore) {
    }

    @Schema(name = "MobileOrder", description = "An order as a phone's list row shows it")
    public record Order(String id, String number, long clientId, String clientName, String clientNameAr,
                        @Schema(enumeration = {"PENDING", "CONFIRMED", "REJECTED", "CANCELLED", "DELIVERED"}) String status,
                        BigDecimal total, String currency, Instant placedAt) {
    }

    @Schema(name = "MobileOrderPage")
    public record OrderPage(List<Order> items, boolean hasMore,
                            @Schema(nullable = true, description = "Pass as `after` for the next page (null on the last)") String nextAfter) {
    }

    @Schema(name = "MobileOrderLine", description = "A line as priced when the order was placed, with the product as it is now")
    public record OrderLine(int lineNo, long productId, String sku,
                            @Schema(description = "The product's name now (the name it was ordered under when the product is gone)") String name,
                            String nameAr, int quantity, BigDecimal unitPrice, BigDecimal lineTotal,
                            @Schema(nullable = true, description = "The product's first image now, the phone's thumbnail") String imageUrl) {
    }

    @Schema(name = "MobileOrderDetail", description = "An order as a phone shows it: its client's name, its lines with each "
            + "product's current name and thumbnail")
    public record OrderDetail(String id, String number, long clientId, String clientName, String clientNameAr,
                              @Schema(enumeration = {"PENDING", "CONFIRMED", "REJECTED", "CANCELLED", "DELIVERED"}) String status,
                              List<OrderLine> lines, BigDecimal total, String currency, Instant placedAt) {
    }

    @GET
    @Path("/orders/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT, Roles.WAREHOUSE, Roles.SALESPERSON, Roles.PARTNER_SALESMAN,
            Roles.TRAVEL_SALESPERSON, Roles.CLIENT})
    @Operation(summary = "One order the caller may see, with each line's current product name and thumbnail (two calls: the "
            + "order, then one batch of its products)")
    @APIResponse(responseCode = "200", description = "The order", content = @Content(schema = @Schema(implementation = OrderDetail.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @SecurityRequirement(name = "bearer")
    public CompletionStage<Response> order(@Context HttpServerRequest request, @Context SecurityContext security,
            @jakarta.ws.rs.PathParam("id") @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
                    message = "must be an order id (a UUID)") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String id) {
        Map<String, String> headers = headers(request);
        Caller caller = Caller.of(security);
        return forwarder.call(Upstream.ORDERS, "GET", "/orders/" + id, headers, null).thenCompose(answer -> {
            if (answer.status() != 200) {
                return java.util.concurrent.CompletableFuture.completedFuture(passOn(answer));
            }
            JsonNode order = read(answer.body());
            if (!ProxyResource.owns(RouteTable.Owned.ORDER, caller, order)) {
                return java.util.concurrent.CompletableFuture.completedFuture(
                        ProxyResource.problem(request, 404, "not-found", "Not found", "order " + id + " does not exist"));
            }
            StringJoiner ids = new StringJoiner(",");
            order.path("lines").forEach(l -> ids.add(l.path("product_id").asText()));
            return forwarder.call(Upstream.CATALOG, "GET", "/products?ids=" + ids, headers, null).handle((products, failure) -> {
                // the catalog down or refusing: the lines keep the names they were ordered under, no thumbnails
                Map<Long, JsonNode> now = new java.util.HashMap<>();
                if (failure == null && products.status() == 200) {
                    read(products.body()).path("items").forEach(p -> now.put(p.path("id").asLong(), p));
                }
                List<OrderLine> lines = new ArrayList<>();
                for (JsonNode l : order.path("lines")) {
                    JsonNode p = now.get(l.path("product_id").asLong());
                    lines.add(new OrderLine(l.path("line_no").asInt(), l.path("product_id").asLong(), l.path("sku").asText(),
                            p == null ? l.path("name").asText() : p.path("name").asText(),
                            p == null ? l.path("name_ar").asText() : p.path("name_ar").asText(), l.path("quantity").asInt(),
                            l.path("unit_price").decimalValue(), l.path("line_total").decimalValue(), p == null ? null : text(p.path("image_url"))));
                }
                return Response.ok(new OrderDetail(order.path("id").asText(), order.path("number").asText(), order.path("client_id").asLong(),
                        order.path("client_name").asText(), order.path("client_name_ar").asText(), order.path("status").asText(), lines,
                        order.path("total").decimalValue(), order.path("currency").asText(), Instant.parse(order.path("placed_at").asText())))
                        .type(MediaType.APPLICATION_JSON).build();
            });
        }).exceptionally(failure -> Forwarder.failed(request, failure));
    }

    private JsonNode read(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response passOn(Forwarder.Answer answer) {
        Response.ResponseBuilder r = Response.status(answer.status()).entity(answer.body());
        String type = answer.header("Content-Type");
        return (type == null ? r : r.type(type)).build();
    }


    static Map<String, String> headers(HttpServerRequest request) {
        return Forwarder.passedHeaders(request, List.of("Authorization", "Accept-Language", "X-Request-Id", "traceparent", "tracestate"));
    }

    @GET
    @Path("/products")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT, Roles.WAREHOUSE, Roles.SALESPERSON, Roles.PARTNER_SALESMAN,
            Roles.TRAVEL_SALESPERSON, Roles.CLIENT})
    @Operation(summary = "Active products for a phone's list: search as the catalog searches (Arabic and English, SKU)")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = ProductPage.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @SecurityRequirement(name = "bearer")
    public CompletionStage<Response> products(@Context HttpServerRequest request, @Context SecurityContext security,
            @QueryParam("q") @Size(max = 100) @Parameter(description = "Search text") String q,
            @QueryParam("category_id") @Min(1) @Max(Long.MAX_VALUE) @Parameter(description = "Only this category") Long categoryId,
            @QueryParam("page") @Min(1) @Max(10_000) @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "1")) Integer page,
            @QueryParam("per_page") @Min(1) @Max(MAX_PER_PAGE) @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
            Integer perPage) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("q", q);
        query.put("category_id", categoryId);
        query.put("active", "true");
        query.put("page", page);
        query.put("per_page", perPage == null ? MAX_PER_PAGE : perPage);
        return list(Upstream.CATALOG, "/products", query, request, tree -> new ProductPage(items(tree, item -> new Product(
                item.path("id").asLong(), item.path("sku").asText(), item.path("name").asText(), item.path("name_ar").asText(),
                item.path("retail_price").decimalValue(), item.path("wholesale_price").decimalValue(), item.path("available").asInt(),
                text(item.path("image_url")))), tree.path("page").asInt(), tree.path("per_page").asInt(), tree.path("has_more").asBoolean()));
    }

    @GET
    @Path("/clients")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT, Roles.WAREHOUSE, Roles.SALESPERSON, Roles.PARTNER_SALESMAN,
            Roles.TRAVEL_SALESPERSON, Roles.CLIENT})
    @Operation(summary = "Active clients the caller may see (a salesperson: their own) for a phone's list")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = ClientPage.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @SecurityRequirement(name = "bearer")
    public CompletionStage<Response> clients(@Context HttpServerRequest request, @Context SecurityContext security,
            @QueryParam("q") @Size(max = 100) @Parameter(description = "Search text: name (Arabic or English), phone") String q,
            @QueryParam("page") @Min(1) @Max(10_000) @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "1")) Integer page,
            @QueryParam("per_page") @Min(1) @Max(MAX_PER_PAGE) @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
            Integer perPage) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("q", q);
        query.put("active", "true");
        query.put("page", page);
        query.put("per_page", perPage == null ? MAX_PER_PAGE : perPage);
        Caller caller = Caller.of(security);
        return list(Upstream.CLIENTS, "/clients", query, request, tree -> new ClientPage(items(tree,
                item -> ProxyResource.owns(RouteTable.Owned.CLIENT, caller, item), item -> new Client(
                item.path("id").asLong(), item.path("name").asText(), item.path("name_ar").asText(), item.path("client_type").asText(),
                text(item.path("phone")), text(item.path("city")))),
                tree.path("page").asInt(), tree.path("per_page").asInt(), tree.path("has_more").asBoolean()));
    }

    @GET
    @Path("/orders")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT, Roles.WAREHOUSE, Roles.SALESPERSON, Roles.PARTNER_SALESMAN,
            Roles.TRAVEL_SALESPERSON, Roles.CLIENT})
    @Operation(summary = "Orders the caller may see, newest first, for a phone's list (keyset pages: pass next_after as after)")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = OrderPage.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @SecurityRequirement(name = "bearer")
    public CompletionStage<Response> orders(@Context HttpServerRequest request,
            @QueryParam("status") @Pattern(regexp = "PENDING|CONFIRMED|REJECTED|CANCELLED|DELIVERED",
                    message = "must be PENDING, CONFIRMED, REJECTED, CANCELLED or DELIVERED") @Parameter(description = "Only this status")
            String status,
            @QueryParam("client_id") @Min(1) @Max(Long.MAX_VALUE) @Parameter(description = "Only this client's") Long clientId,
            @QueryParam("after") @Size(max = 200) @Parameter(description = "next_after of the previous page") String after,
            @QueryParam("per_page") @Min(1) @Max(MAX_PER_PAGE) @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
            Integer perPage) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("status", status);
        query.put("client_id", clientId);
        query.put("after", after);
        query.put("per_page", perPage == null ? MAX_PER_PAGE : perPage);
        return list(Upstream.ORDERS, "/orders", query, request, tree -> new OrderPage(items(tree, item -> new Order(
                item.path("id").asText(), item.path("number").asText(), item.path("client_id").asLong(), item.path("client_name").asText(),
                item.path("client_name_ar").asText(), item.path("status").asText(), item.path("total").decimalValue(),
                item.path("currency").asText(), Instant.parse(item.path("placed_at").asText()))),
                tree.path("has_more").asBoolean(), text(tree.path("next_after"))));
    }


    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static <T> List<T> items(JsonNode page, Function<JsonNode, T> row) {
        return items(page, item -> true, row);
    }

    /** The page's items the filter keeps, each made a row (the gateway's second ownership check filters client rows). */
    private static <T> List<T> items(JsonNode page, java.util.function.Predicate<JsonNode> keep, Function<JsonNode, T> row) {
        List<T> out = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            if (keep.test(item)) {
                out.add(row.apply(item));
            }
        }
        return out;
    }

    private CompletionStage<Response> list(Upstream service, String path, Map<String, Object> query, HttpServerRequest request,
                                           Function<JsonNode, Object> reshape) {
        StringJoiner q = new StringJoiner("&", path + "?", "");
        query.forEach((k, v) -> {
            if (v != null) {
                q.add(k + "=" + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
            }
        });
        return forwarder.call(service, "GET", q.toString(), headers(request), null).handle((answer, failure) -> {
            if (failure != null) {
                return Forwarder.failed(request, failure);
            }
            if (answer.status() != 200) {
                // the service's own refusal (a parameter out of its range, 404, 403) goes back as it wrote it
                return passOn(answer);
            }
            try {
                return Response.ok(reshape.apply(json.readTree(answer.body()))).type(MediaType.APPLICATION_JSON).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
