package com.tsh.erp.orders.api;

import com.tsh.erp.defaults.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tsh.erp.defaults.Roles;
import com.tsh.erp.defaults.Actors;
import com.tsh.erp.defaults.ApiDocument;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.OneOf;
import com.tsh.erp.defaults.PageParams;
import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.orders.service.OrderPlacement;
import com.tsh.erp.orders.service.OrderQueries;
import com.tsh.erp.orders.service.OrderSaga;
import com.tsh.erp.orders.service.OrderStats;
import com.tsh.erp.orders.service.OrderStatus;
import com.tsh.erp.orders.service.OrderViews;
import com.tsh.erp.orders.service.PlaceOrder;
import com.tsh.erp.outbox.IdempotentRequests;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/orders")
@Tag(name = "Orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {

    /** The longest period statistics are asked for at once (two years). */
    static final int LONGEST_PERIOD_DAYS = 731;

    @Inject
    OrderPlacement placement;
    @Inject
    OrderSaga saga;
    @Inject
    OrderQueries queries;
    @Inject
    OrderStats stats;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    ObjectMapper json;

    /**
     * Places an order: 201 with the order, PENDING; the saga confirms or rejects it within seconds
     * (poll the order). The key is required: a phone on a poor network retries, and a retry with the
     * same key and body gets the first answer again (the same order), never a second order.
     */
    @POST
    @APIResponse(responseCode = "201", description = "Placed, PENDING (or, for a retry with the same key and body, the first answer again)",
            headers = @Header(name = "Location", description = "The order's path", required = true, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderViews.Detail.class)))
    @APIResponse(responseCode = "422", ref = ApiDocument.UNPROCESSABLE)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALESPERSON, Roles.PARTNER_SALESMAN, Roles.TRAVEL_SALESPERSON, Roles.CLIENT})
    public Response place(@Valid @NotNull PlaceOrder body,
                          @HeaderParam(IdempotentRequests.HEADER) @Size(min = 1, max = 100)
                          @Parameter(required = true, description = "Required. Any unique string (a UUID the app makes per order): a retry "
                                  + "with it and the same body gets the first answer again; with another body it is 422")
                          String idempotencyKey,
                          @Context SecurityContext security) throws JsonProcessingException {
        if (idempotencyKey == null) {
            throw ApiException.badRequest(IdempotentRequests.HEADER, "required: send a key of your own per order (a UUID), "
                    + "and the same key again when you retry it");
        }
        String actor = Actors.of(security);
        Caller caller = Caller.of(security);
        // the caller is part of what the key names: another user's key with the same body is not their answer
        return keyed("place-order", idempotencyKey, "POST /orders " + actor + " " + json.writeValueAsString(body), 201,
                () -> placement.place(body, actor, caller));
    }

    @GET
    @APIResponse(responseCode = "200", description = "A page of orders, newest first (list fields only)")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT, Roles.WAREHOUSE, Roles.SALESPERSON, Roles.PARTNER_SALESMAN, Roles.TRAVEL_SALESPERSON, Roles.CLIENT})
    public OrderViews.SummaryPage list(
            @QueryParam("status") @OneOf(OrderStatus.class) @Parameter(schema = @Schema(implementation = OrderStatus.class)) String status,
            @QueryParam("client_id") Long clientId,
            @QueryParam("salesperson_id") Long salespersonId,
            @QueryParam("channel") @OneOf(ClientType.class) @Parameter(description = "WHOLESALE or RETAIL",
                    schema = @Schema(implementation = ClientType.class)) String channel,
            @QueryParam("from") @Parameter(description = "The first day (Baghdad time), inclusive",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) LocalDate from,
            @QueryParam("to") @Parameter(description = "The last day (Baghdad time), inclusive",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) LocalDate to,
            @QueryParam("q") @Size(max = 40) @Parameter(description = "The beginning of an order number, e.g. SO-2026-0042") String q,
            @QueryParam("after") @Size(max = 200) @Parameter(description = "Keyset cursor: `next_after` of the previous page "
                    + "(for deep paging and exports; `page` must then be 1 or absent)") String after,
            @Valid @BeanParam PageParams.Of25 paging, @Context SecurityContext security) {
        // ownership: a salesperson role lists its own orders, a CLIENT its client's; asking for another's finds nothing
        Caller caller = Caller.of(security);
        switch (caller.scope()) {
            case ALL -> {
            }
            case SALESPERSON -> {
                if (salespersonId != null && !salespersonId.equals(caller.salespersonId())) {
                    salespersonId = -1L;
                } else {
                    salespersonId = caller.salespersonId();
                }
            }
            case CLIENT -> {
                if (clientId != null && !clientId.equals(caller.clientId())) {
                    clientId = -1L;
                } else {
                    clientId = caller.clientId();
                }
            }
            case NONE -> clientId = -1L;
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.badRequest("to", "must not be before from");
        }
        if (after != null && paging.page() != 1) {
            throw ApiException.badRequest("page", "not used with after (the cursor says where the page starts)");
        }
        OrderQueries.Cursor cursor = after == null ? null : OrderQueries.Cursor.decode(after);
        return queries.list(new OrderQueries.Filter(status == null ? null : OrderStatus.valueOf(status), clientId, salespersonId, channel,
                from, to, q), cursor, paging.page(), paging.perPage());
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The order with its lines and history")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT, Roles.WAREHOUSE, Roles.SALESPERSON, Roles.PARTNER_SALESMAN, Roles.TRAVEL_SALESPERSON, Roles.CLIENT})
    public OrderViews.Detail get(@PathParam("id") UUID id, @Context SecurityContext security) {
        return visible(Caller.of(security), queries.detail(id), id);
    }

    /**
     * Ownership (README, "Roles and ownership"): a salesperson role sees the orders taken as it (an order's salesperson is
     * its client's unless a manager chose another), a CLIENT its client's; anyone else's order is 404, as if it did not exist.
     */
    static boolean sees(Caller caller, OrderViews.Detail order) {
        return switch (caller.scope()) {
            case ALL -> true;
            case SALESPERSON -> caller.salespersonId().equals(order.salespersonId());
            case CLIENT -> caller.clientId() == order.clientId();
            case NONE -> false;
        };
    }

    private static OrderViews.Detail visible(Caller caller, OrderViews.Detail order, Object key) {
        if (!sees(caller, order)) {
            throw ApiException.notFound("order", key);
        }
        return order;
    }

    @GET
    @Path("/by-number/{number}")
    @APIResponse(responseCode = "200", description = "The order with its lines and history")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT, Roles.WAREHOUSE, Roles.SALESPERSON, Roles.PARTNER_SALESMAN, Roles.TRAVEL_SALESPERSON, Roles.CLIENT})
    public OrderViews.Detail byNumber(@PathParam("number") @Size(max = 40) String number, @Context SecurityContext security) {
        return visible(Caller.of(security), queries.byNumber(number), number);
    }

    /**
     * Counts, quantities and revenue for a period, grouped; computed in the database and cached
     * for 60 s. Default period: the last 30 days up to today (Baghdad).
     */
    @GET
    @Path("/stats")
    @APIResponse(responseCode = "200", description = "The period's figures, a page of groups ordered by key")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT})
    public OrderStats.Stats stats(
            @QueryParam("from") @Parameter(description = "The first day (Baghdad time), inclusive; default: 29 days before `to`",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) LocalDate from,
            @QueryParam("to") @Parameter(description = "The last day (Baghdad time), inclusive; default: today",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) LocalDate to,
            @QueryParam("group_by") @Pattern(regexp = "day|status|salesperson|channel", message = "must be day, status, salesperson or channel")
            @Parameter(description = "Default: day", schema = @Schema(enumeration = {"day", "status", "salesperson", "channel"}))
            String groupBy,
            @Valid @BeanParam GroupPaging paging) {
        LocalDate last = to != null ? to : LocalDate.now(OrderPlacement.BAGHDAD);
        LocalDate first = from != null ? from : last.minusDays(29);
        Periods.check(first, last, LONGEST_PERIOD_DAYS);
        return stats.stats(first, last, OrderStats.GroupBy.valueOf((groupBy == null ? "day" : groupBy).toUpperCase(Locale.ROOT)),
                paging.page(), paging.perPage());
    }

    /**
     * PENDING or CONFIRMED to CANCELLED (what was reserved is released); anything else 409. The body
     * says why ({@code {"reason": "..."}}; {@code {}} when there is nothing to say).
     */
    @POST
    @Path("/{id}/cancel")
    @APIResponse(responseCode = "200", description = "The order, CANCELLED (or, for a retry with the same key, the first answer again)")
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "422", ref = ApiDocument.UNPROCESSABLE)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALESPERSON, Roles.PARTNER_SALESMAN, Roles.TRAVEL_SALESPERSON})
    public Response cancel(@PathParam("id") UUID id, @Valid @NotNull CancelOrder body, @HeaderParam(IdempotentRequests.HEADER) @Size(min = 1, max = 100)
                           @Parameter(description = "Optional: a retry with the same key gets the first answer again instead of a 409")
                           String idempotencyKey, @Context SecurityContext security) throws JsonProcessingException {
        Caller caller = Caller.of(security);
        if (caller.scope() != Caller.Scope.ALL) {
            visible(caller, queries.detail(id), id);
        }
        String actor = Actors.of(security);
        String reason = body.reason();
        if (idempotencyKey == null) {
            return Response.ok(saga.cancel(id, reason, actor)).build();
        }
        return keyed("cancel-order", idempotencyKey, "POST /orders/" + id + "/cancel " + json.writeValueAsString(body), 200,
                () -> saga.cancel(id, reason, actor));
    }

    /** CONFIRMED to DELIVERED (stock leaves, the client's balance rises); anything else 409. */
    @POST
    @Path("/{id}/deliver")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "200", description = "The order, DELIVERED (or, for a retry with the same key, the first answer again)")
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "422", ref = ApiDocument.UNPROCESSABLE)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.WAREHOUSE})
    public Response deliver(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) @Size(min = 1, max = 100)
                            @Parameter(description = "Optional: a retry with the same key gets the first answer again instead of a 409")
                            String idempotencyKey, @Context SecurityContext security) {
        String actor = Actors.of(security);
        if (idempotencyKey == null) {
            return Response.ok(saga.deliver(id, actor)).build();
        }
        return keyed("deliver-order", idempotencyKey, "POST /orders/" + id + "/deliver", 200, () -> saga.deliver(id, actor));
    }

    /** Runs the work once per key (IdempotentRequests) and answers with the first answer's status and body. */
    private Response keyed(String operation, String key, String request, int status, Supplier<OrderViews.Detail> work) {
        IdempotentRequests.Answer answer = idempotent.execute(operation, key, request, () -> {
            try {
                return new IdempotentRequests.Answer(status, json.writeValueAsString(work.get()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        Response.ResponseBuilder r = Response.status(answer.status()).type(MediaType.APPLICATION_JSON).entity(answer.body());
        if (answer.status() == 201) {
            try {
                r.header("Location", "/orders/" + json.readTree(answer.body()).get("id").asText());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return r.build();
    }

    /** Why the order is cancelled (optional). */
    public record CancelOrder(@Size(max = 500) @Schema(nullable = true) String reason) {
    }

    /** Groups of statistics: 100 a page unless {@code per_page} says otherwise. */
    public static class GroupPaging extends PageParams {

        @QueryParam("per_page")
        @jakarta.ws.rs.DefaultValue("100")
        @jakarta.validation.constraints.Min(1)
        @jakarta.validation.constraints.Max(100)
        int perPage;

        @Override
        public int perPage() {
            return perPage;
        }
    }

    /** The rules of a period of days. */
    static final class Periods {
        private Periods() {
        }

        static void check(LocalDate from, LocalDate to, int longestDays) {
            if (to.isBefore(from)) {
                throw ApiException.badRequest("to", "must not be before from");
            }
            if (ChronoUnit.DAYS.between(from, to) + 1 > longestDays) {
                throw ApiException.badRequest("from", "a period is at most " + longestDays + " days");
            }
        }
    }
}
