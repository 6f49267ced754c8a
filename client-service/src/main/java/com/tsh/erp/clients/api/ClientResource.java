package com.tsh.erp.clients.api;

import com.tsh.erp.clients.api.ClientApi.Adjustment;
import com.tsh.erp.clients.api.ClientApi.ClientDetail;
import com.tsh.erp.clients.api.ClientApi.ClientFields;
import com.tsh.erp.clients.api.ClientApi.Payment;
import com.tsh.erp.clients.api.ClientApi.Reassign;
import com.tsh.erp.clients.api.ClientApi.Statement;
import com.tsh.erp.clients.api.ClientApi.UpdateClient;
import com.tsh.erp.clients.service.ClientSearch;
import com.tsh.erp.clients.service.ClientSearch.ClientQuery;
import com.tsh.erp.clients.service.ClientStatements;
import com.tsh.erp.clients.service.ClientWithFigures;
import com.tsh.erp.clients.service.ClientWrites;
import com.tsh.erp.clients.service.PaymentMethod;
import com.tsh.erp.defaults.Roles;
import com.tsh.erp.defaults.Actors;
import com.tsh.erp.defaults.ApiDocument;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.IdList;
import com.tsh.erp.defaults.OneOf;
import com.tsh.erp.defaults.PageParams;
import com.tsh.erp.events.clients.ClientType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.List;
import java.util.ArrayList;
import com.tsh.erp.clients.service.ClientSummary;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.defaults.Batch;
import com.tsh.erp.defaults.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/clients")
@Tag(name = "Clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClientResource {

    @Inject
    ClientSearch search;
    @Inject
    ClientStatements statements;
    @Inject
    ClientWrites clients;

    /** Clients, filtered; or, with {@code ids}, the listed clients (at most 100, for the gateway). */
    @GET
    @APIResponse(responseCode = "200", description = "A page of clients (list fields only), or with `ids` the listed clients",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {ClientApi.ClientPage.class, ClientApi.ClientBatch.class})))
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT, Roles.WAREHOUSE, Roles.SALESPERSON, Roles.PARTNER_SALESMAN, Roles.TRAVEL_SALESPERSON, Roles.CLIENT})
    public Object list(@QueryParam("q") @Size(max = 100) String q,
                       @QueryParam("type") @OneOf(ClientType.class) @Parameter(schema = @Schema(implementation = ClientType.class)) String type,
                       @QueryParam("salesperson_id") Long salespersonId,
                       @QueryParam("region") @Size(max = 100) String region,
                       @QueryParam("city") @Size(max = 100) String city,
                       @QueryParam("active") @Pattern(regexp = "true|false", message = "must be true or false") String active,
                       @Valid @BeanParam PageParams.Of25 paging,
                       @QueryParam("ids") @Parameter(description = "Up to 100 client ids, comma-separated; the other parameters are then ignored",
                               schema = @Schema(type = SchemaType.STRING, pattern = IdList.PATTERN)) String ids,
                       @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        if (ids != null) {
            // someone else's client is reported missing, as if it did not exist
            Batch<ClientSummary> found = search.byIds(IdList.parse("ids", ids));
            List<ClientSummary> mine = found.items().stream().filter(c -> sees(caller, c)).toList();
            List<Long> missing = new ArrayList<>(found.missing());
            found.items().stream().filter(c -> !sees(caller, c)).forEach(c -> missing.add(c.id()));
            return new Batch<>(mine, missing).map(ClientApi::listItem);
        }
        switch (caller.scope()) {
            case ALL -> {
            }
            case SALESPERSON -> {
                // a salesperson lists only their own clients: another salesperson_id finds nothing
                if (salespersonId != null && !salespersonId.equals(caller.salespersonId())) {
                    return ClientApi.listPage(new Page<>(List.of(), paging.page(), paging.perPage(), false));
                }
                salespersonId = caller.salespersonId();
            }
            case CLIENT -> {
                List<ClientSummary> own = paging.page() == 1 ? search.byIds(List.of(caller.clientId())).items() : List.of();
                return ClientApi.listPage(new Page<>(own, paging.page(), paging.perPage(), false));
            }
            default -> {
                return ClientApi.listPage(new Page<>(List.of(), paging.page(), paging.perPage(), false));
            }
        }
        return ClientApi.listPage(search.list(new ClientQuery(q, type == null ? null : ClientType.valueOf(type), salespersonId,
                region, city, active == null ? null : Boolean.valueOf(active), paging.page(), paging.perPage())));
    }

    /**
     * Ownership (README, "Roles and ownership"): everyone of ADMIN, MANAGER, ACCOUNTANT, WAREHOUSE sees every client, a
     * salesperson role its own salesperson's, a CLIENT user its own. Anyone else's is answered 404.
     */
    static boolean sees(Caller caller, ClientSummary c) {
        return sees(caller, c.id(), c.salespersonId());
    }

    static boolean sees(Caller caller, long clientId, Long salespersonId) {
        return switch (caller.scope()) {
            case ALL -> true;
            case SALESPERSON -> caller.salespersonId().equals(salespersonId);
            case CLIENT -> caller.clientId() == clientId;
            case NONE -> false;
        };
    }

    /** The client, if the caller may see it; 404 otherwise (also for one that exists but is someone else's). */
    private ClientSummary visible(Caller caller, long id) {
        ClientSummary c = search.byIds(List.of(id)).items().stream().findFirst().orElse(null);
        if (c == null || !sees(caller, c)) {
            throw ApiException.notFound("client", id);
        }
        return c;
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The client, with its balance and credit read live")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT, Roles.WAREHOUSE, Roles.SALESPERSON, Roles.PARTNER_SALESMAN, Roles.TRAVEL_SALESPERSON, Roles.CLIENT})
    public ClientDetail get(@PathParam("id") long id, @Context SecurityContext security) {
        ClientWithFigures c = clients.get(id);
        if (!sees(Caller.of(security), c.id(), c.salespersonId())) {
            throw ApiException.notFound("client", id);
        }
        return ClientApi.detail(c);
    }

    @POST
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "The client's path", required = true, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientDetail.class)))
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "422", ref = ApiDocument.UNPROCESSABLE)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALESPERSON, Roles.PARTNER_SALESMAN, Roles.TRAVEL_SALESPERSON})
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    public Response create(@Valid @NotNull ClientFields body, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        if (!caller.setsPrices()) {
            // a salesperson signs up clients for themself, without credit: a credit limit is a manager's decision
            if (body.creditLimit != null && body.creditLimit.signum() != 0) {
                throw ApiException.forbiddenField("credit_limit", "only a manager or an admin sets a credit limit");
            }
            if (body.salespersonId != null && !body.salespersonId.equals(caller.ownSalesperson())) {
                throw ApiException.forbiddenField("salesperson_id", "a salesperson adds clients only for themself");
            }
            body.salespersonId = caller.ownSalesperson();
        }
        ClientDetail created = ClientApi.detail(clients.create(ClientApi.input(body, null), Actors.of(security)));
        return Response.status(201).header("Location", "/clients/" + created.id()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The client as changed")
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "422", ref = ApiDocument.UNPROCESSABLE)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALESPERSON, Roles.PARTNER_SALESMAN, Roles.TRAVEL_SALESPERSON})
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    public ClientDetail update(@PathParam("id") long id, @Valid @NotNull UpdateClient body, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        if (!caller.setsPrices()) {
            visible(caller, id);
            ClientWithFigures now = clients.get(id);
            if (body.creditLimit == null ? now.creditLimit() != null : now.creditLimit() == null || body.creditLimit.compareTo(now.creditLimit()) != 0) {
                throw ApiException.forbiddenField("credit_limit", "only a manager or an admin changes a credit limit");
            }
            if (!java.util.Objects.equals(body.salespersonId, now.salespersonId())) {
                throw ApiException.forbiddenField("salesperson_id", "only a manager or an admin moves a client to another salesperson");
            }
        }
        return ClientApi.detail(clients.update(id, body.version, ClientApi.input(body, body.active), Actors.of(security)));
    }

    @POST
    @Path("/{id}/deactivate")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "200", description = "The client, inactive")
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public ClientDetail deactivate(@PathParam("id") long id, @Context SecurityContext security) {
        return ClientApi.detail(clients.deactivate(id, Actors.of(security)));
    }

    /** Moves the client to another salesperson ({@code salesperson_id} null: to nobody). */
    @PUT
    @Path("/{id}/salesperson")
    @APIResponse(responseCode = "200", description = "The client as changed")
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "422", ref = ApiDocument.UNPROCESSABLE)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public ClientDetail reassign(@PathParam("id") long id, @Valid @NotNull Reassign body, @Context SecurityContext security) {
        return ClientApi.detail(clients.reassign(id, body.salespersonId(), Actors.of(security)));
    }

    /** Ledger entries with the running balance, oldest first; {@code from}/{@code to} are dates (YYYY-MM-DD). */
    @GET
    @Path("/{id}/statement")
    @APIResponse(responseCode = "200", description = "One page of the statement")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT, Roles.SALESPERSON, Roles.PARTNER_SALESMAN, Roles.TRAVEL_SALESPERSON, Roles.CLIENT})
    public Statement statement(@PathParam("id") long id,
                               @QueryParam("from") @Parameter(description = "The first day (Baghdad time), inclusive",
                                       schema = @Schema(type = SchemaType.STRING, format = "date")) LocalDate from,
                               @QueryParam("to") @Parameter(description = "The last day (Baghdad time), inclusive",
                                       schema = @Schema(type = SchemaType.STRING, format = "date")) LocalDate to,
                               @Valid @BeanParam PageParams.Of50 paging, @Context SecurityContext security) {
        visible(Caller.of(security), id);
        return ClientApi.statement(statements.statement(id, from, to, paging.page(), paging.perPage()));
    }

    /**
     * Records a payment; a reference already recorded for this client is refused (409), so a retry
     * cannot pay twice, and a payment that would take the balance below its range (422) is not recorded.
     */
    @POST
    @Path("/{id}/payments")
    @Recorded
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT})
    public Response pay(@PathParam("id") long id, @Valid @NotNull Payment body, @Context SecurityContext security) {
        return recorded(clients.pay(id, body.amount(), PaymentMethod.valueOf(body.method()), body.reference(), body.note(),
                Actors.of(security)));
    }

    @POST
    @Path("/{id}/adjustments")
    @Recorded
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT})
    public Response adjust(@PathParam("id") long id, @Valid @NotNull Adjustment body, @Context SecurityContext security) {
        return recorded(clients.adjust(id, ClientWrites.AdjustmentKind.valueOf(body.kind()), body.amount(), body.reference(),
                body.reason(), Actors.of(security)));
    }

    /**
     * What a payment or an adjustment answers: 201 with the client and its new balance; 409 for a
     * reference already recorded for the client; 422 naming {@code amount} when the balance would
     * leave its range (ClientLedger.BALANCE_LIMIT), with nothing recorded.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @APIResponse(responseCode = "201", description = "Recorded; the client with its new balance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientDetail.class)))
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "422", ref = ApiDocument.UNPROCESSABLE)
    @interface Recorded {
    }

    private static Response recorded(ClientWithFigures client) {
        return Response.status(201).entity(ClientApi.detail(client)).build();
    }
}
