package com.tsh.erp.gateway.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tsh.erp.defaults.Roles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The managers' dashboard: today's orders and revenue (order-service), products out of stock (catalog-service) and
 * what waits for Zoho (zoho-sync-service), from three calls made at once, each given {@link #PART_TIMEOUT}. A part
 * whose service is down, slow or refuses is null and named in {@code unavailable}: the dashboard answers 200 with the
 * rest rather than failing whole.
 *
 * <p>"Low stock" is shown as out of stock (nothing available): catalog-service filters products by
 * {@code in_stock}, not yet by "at or below the reorder level".
 */
@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dashboard", description = "The managers' figures of the day")
public class DashboardResource {

    private static final Logger LOG = Logger.getLogger(DashboardResource.class);
    static final long PART_TIMEOUT = 2_000;
    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");
    private static final int OUT_OF_STOCK_SHOWN = 20;

    @Inject
    Forwarder forwarder;

    @Inject
    ObjectMapper json;

    @Schema(name = "DashboardToday", description = "Today's orders (Baghdad day): all placed, and the revenue of those sold")
    public record Today(@Schema(format = "date", implementation = String.class) LocalDate date, long orders, long soldOrders,
                        BigDecimal revenue) {
    }

    @Schema(name = "DashboardProduct")
    public record OutOfStock(long id, String sku, String name, String nameAr, int available) {
    }

    @Schema(name = "DashboardStock", description = "Active products with nothing available, the first " + OUT_OF_STOCK_SHOWN + " by name")
    public record Stock(List<OutOfStock> products, boolean hasMore) {
    }

    @Schema(name = "DashboardZoho", description = "What waits for Zoho, over every kind of record")
    public record Zoho(long pending, long failed) {
    }

    @Schema(name = "Dashboard")
    public record Dashboard(@Schema(type = SchemaType.OBJECT, implementation = Today.class, nullable = true) Today today,
                            @Schema(type = SchemaType.OBJECT, implementation = Stock.class, nullable = true) Stock outOfStock,
                            @Schema(type = SchemaType.OBJECT, implementation = Zoho.class, nullable = true) Zoho zoho,
                            @Schema(description = "The parts that could not be had (today, out_of_stock, zoho), each null above")
                            List<String> unavailable) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT})
    @Operation(summary = "Today's orders and revenue, products out of stock, Zoho's backlog; partial when a service is down")
    @APIResponse(responseCode = "200", description = "The dashboard; a part whose service did not answer is null and named in unavailable")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @SecurityRequirement(name = "bearer")
    public CompletionStage<Dashboard> dashboard(@Context HttpServerRequest request) {
        Map<String, String> headers = MobileResource.headers(request);
        LocalDate today = LocalDate.now(BAGHDAD);
        CompletableFuture<Today> orders = part(Upstream.ORDERS, "/orders/stats?from=" + today + "&to=" + today + "&group_by=day",
                headers, tree -> {
                    JsonNode t = tree.path("totals");
                    return new Today(today, t.path("orders").asLong(), t.path("sold_orders").asLong(), t.path("revenue").decimalValue());
                });
        CompletableFuture<Stock> stock = part(Upstream.CATALOG, "/products?in_stock=false&active=true&sort=name&per_page=" + OUT_OF_STOCK_SHOWN,
                headers, tree -> {
                    List<OutOfStock> rows = new ArrayList<>();
                    for (JsonNode p : tree.path("items")) {
                        rows.add(new OutOfStock(p.path("id").asLong(), p.path("sku").asText(), p.path("name").asText(),
                                p.path("name_ar").asText(), p.path("available").asInt()));
                    }
                    return new Stock(rows, tree.path("has_more").asBoolean());
                });
        CompletableFuture<Zoho> zoho = part(Upstream.ZOHO_SYNC, "/sync/status", headers, tree -> {
            long pending = 0;
            long failed = 0;
            for (JsonNode k : tree.path("kinds")) {
                pending += k.path("pending").asLong();
                failed += k.path("failed").asLong();
            }
            return new Zoho(pending, failed);
        });
        return CompletableFuture.allOf(orders, stock, zoho).thenApply(v -> {
            List<String> unavailable = new ArrayList<>();
            if (orders.join() == null) {
                unavailable.add("today");
            }
            if (stock.join() == null) {
                unavailable.add("out_of_stock");
            }
            if (zoho.join() == null) {
                unavailable.add("zoho");
            }
            return new Dashboard(orders.join(), stock.join(), zoho.join(), unavailable);
        });
    }

    /** One part: its value, or null when the service failed, refused or took longer than {@link #PART_TIMEOUT}. */
    private <T> CompletableFuture<T> part(Upstream service, String pathAndQuery, Map<String, String> headers, Function<JsonNode, T> read) {
        return forwarder.call(service, "GET", pathAndQuery, headers, null).toCompletableFuture()
                .orTimeout(PART_TIMEOUT, TimeUnit.MILLISECONDS)
                .thenApply(answer -> {
                    if (answer.status() != 200) {
                        LOG.warnf("dashboard: %s answered %d", service.key(), answer.status());
                        return (T) null;
                    }
                    try {
                        return read.apply(json.readTree(answer.body()));
                    } catch (IOException e) {
                        LOG.warnf("dashboard: %s answered what is not JSON", service.key());
                        return null;
                    }
                })
                .exceptionally(failure -> {
                    LOG.warnf("dashboard: %s is unavailable: %s", service.key(), failure.toString());
                    return null;
                });
    }
}
