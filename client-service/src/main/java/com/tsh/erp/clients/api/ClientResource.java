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
import com.tsh.erp.defaults.Actors;
import com.tsh.erp.defaults.ApiDocument;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.IdList;
import com.tsh.erp.defaults.OneOf;
import com.tsh.erp.defaults.PageParams;
import com.tsh.erp.events.clients.ClientType;
import jakarta.inject.Inject;
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
    public Object list(@QueryParam("q") @Size(max = 100) String q,
                       @QueryParam("type") @OneOf(ClientType.class) @Parameter(schema = @Schema(implementation = ClientType.class)) String type,
                       @QueryParam("salesperson_id") Long salespersonId,
                       @QueryParam("region") @Size(max = 100) String region,
                       @QueryParam("city") @Size(max = 100) String city,
                       @QueryParam("active") @Pattern(regexp = "true|false", message = "must be true or false") String active,
                       @Valid @BeanParam PageParams.Of25 paging,
                       @QueryParam("ids") @Parameter(description = "Up to 100 client ids, comma-separated; the other parameters are then ignored",
                               schema = @Schema(type = SchemaType.STRING, pattern = IdList.PATTERN)) String ids) {
        if (ids != null) {
            return search.byIds(IdList.parse("ids", ids)).map(ClientApi::listItem);
        }
        return ClientApi.listPage(search.list(new ClientQuery(q, type == null ? null : ClientType.valueOf(type), salespersonId,
                region, city, active == null ? null : Boolean.valueOf(active), paging.page(), paging.perPage())));
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The client, with its balance and credit read live")
    public ClientDetail get(@PathParam("id") long id) {
        return ClientApi.detail(clients.get(id));
    }

    @POST
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "The client's path", required = true, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClientDetail.class)))
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "422", ref = ApiDocument.UNPROCESSABLE)
    public Response create(@Valid @NotNull ClientFields body, @Context SecurityContext security) {
        ClientDetail created = ClientApi.detail(clients.create(ClientApi.input(body, null), Actors.of(security)));
        return Response.status(201).header("Location", "/clients/" + created.id()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The client as changed")
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "422", ref = ApiDocument.UNPROCESSABLE)
    public ClientDetail update(@PathParam("id") long id, @Valid @NotNull UpdateClient body, @Context SecurityContext security) {
        return ClientApi.detail(clients.update(id, body.version, ClientApi.input(body, body.active), Actors.of(security)));
    }

    @POST
    @Path("/{id}/deactivate")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "200", description = "The client, inactive")
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    public ClientDetail deactivate(@PathParam("id") long id, @Context SecurityContext security) {
        return ClientApi.detail(clients.deactivate(id, Actors.of(security)));
    }

    /** Moves the client to another salesperson ({@code salesperson_id} null: to nobody). */
    @PUT
    @Path("/{id}/salesperson")
    @APIResponse(responseCode = "200", description = "The client as changed")
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "422", ref = ApiDocument.UNPROCESSABLE)
    public ClientDetail reassign(@PathParam("id") long id, @Valid @NotNull Reassign body, @Context SecurityContext security) {
        return ClientApi.detail(clients.reassign(id, body.salespersonId(), Actors.of(security)));
    }

    /** Ledger entries with the running balance, oldest first; {@code from}/{@code to} are dates (YYYY-MM-DD). */
    @GET
    @Path("/{id}/statement")
    @APIResponse(responseCode = "200", description = "One page of the statement")
    public Statement statement(@PathParam("id") long id,
                               @QueryParam("from") @Parameter(description = "The first day (Baghdad time), inclusive",
                                       schema = @Schema(type = SchemaType.STRING, format = "date")) LocalDate from,
                               @QueryParam("to") @Parameter(description = "The last day (Baghdad time), inclusive",
                                       schema = @Schema(type = SchemaType.STRING, format = "date")) LocalDate to,
                               @Valid @BeanParam PageParams.Of50 paging) {
        return ClientApi.statement(statements.statement(id, from, to, paging.page(), paging.perPage()));
    }

    /**
     * Records a payment; a reference already recorded for this client is refused (409), so a retry
     * cannot pay twice, and a payment that would take the balance below its range (422) is not recorded.
     */
    @POST
    @Path("/{id}/payments")
    @Recorded
    public Response pay(@PathParam("id") long id, @Valid @NotNull Payment body, @Context SecurityContext security) {
        return recorded(clients.pay(id, body.amount(), PaymentMethod.valueOf(body.method()), body.reference(), body.note(),
                Actors.of(security)));
    }

    @POST
    @Path("/{id}/adjustments")
    @Recorded
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
