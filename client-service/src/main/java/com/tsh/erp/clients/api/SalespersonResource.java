package com.tsh.erp.clients.api;

import com.tsh.erp.clients.api.ClientApi.ClientListItem;
import com.tsh.erp.clients.api.SalespersonApi.SalespersonFields;
import com.tsh.erp.clients.api.SalespersonApi.SalespersonView;
import com.tsh.erp.clients.api.SalespersonApi.UpdateSalesperson;
import com.tsh.erp.clients.service.ClientSearch;
import com.tsh.erp.clients.service.SalespersonService;
import com.tsh.erp.defaults.Roles;
import com.tsh.erp.defaults.Actors;
import com.tsh.erp.defaults.ApiDocument;
import com.tsh.erp.defaults.OneOf;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.defaults.PageParams;
import com.tsh.erp.events.clients.SalespersonKind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import com.tsh.erp.defaults.ApiException;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/salespeople")
@Tag(name = "Salespeople")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SalespersonResource {

    @Inject
    SalespersonService salespeople;
    @Inject
    ClientSearch clients;

    /** A salesperson role reads only its own salesperson; another id is answered 404, as if it did not exist. */
    private static void own(Caller caller, long id) {
        if (caller.scope() != Caller.Scope.ALL && !Long.valueOf(id).equals(caller.ownSalesperson())) {
            throw ApiException.notFound("salesperson", id);
        }
    }

    @GET
    @APIResponse(responseCode = "200", description = "One page of salespeople")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT})
    public Page<SalespersonView> list(@QueryParam("q") @Size(max = 100) String q,
                                      @QueryParam("kind") @OneOf(SalespersonKind.class)
                                      @Parameter(schema = @Schema(implementation = SalespersonKind.class)) String kind,
                                      @QueryParam("region") @Size(max = 100) String region,
                                      @QueryParam("active") @Pattern(regexp = "true|false", message = "must be true or false") String active,
                                      @Valid @BeanParam PageParams.Of25 paging) {
        return SalespersonApi.page(salespeople.list(q, kind == null ? null : SalespersonKind.valueOf(kind), region,
                active == null ? null : Boolean.valueOf(active), paging.page(), paging.perPage()));
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The salesperson")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT, Roles.SALESPERSON, Roles.PARTNER_SALESMAN, Roles.TRAVEL_SALESPERSON})
    public SalespersonView get(@PathParam("id") long id, @Context SecurityContext security) {
        own(Caller.of(security), id);
        return SalespersonApi.view(salespeople.get(id));
    }

    @POST
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "The salesperson's path", required = true, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SalespersonView.class)))
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public Response create(@Valid @NotNull SalespersonFields body, @Context SecurityContext security) {
        SalespersonView created = SalespersonApi.view(salespeople.create(SalespersonApi.input(body, null), Actors.of(security)));
        return Response.status(201).header("Location", "/salespeople/" + created.id()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The salesperson as changed")
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public SalespersonView update(@PathParam("id") long id, @Valid @NotNull UpdateSalesperson body,
                                  @Context SecurityContext security) {
        return SalespersonApi.view(salespeople.update(id, body.version, SalespersonApi.input(body, body.active), Actors.of(security)));
    }

    @POST
    @Path("/{id}/deactivate")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "200", description = "The salesperson, inactive")
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public SalespersonView deactivate(@PathParam("id") long id, @Context SecurityContext security) {
        return SalespersonApi.view(salespeople.deactivate(id, Actors.of(security)));
    }

    /** The salesperson's active clients. */
    @GET
    @Path("/{id}/clients")
    @APIResponse(responseCode = "200", description = "One page of the salesperson's active clients")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT, Roles.SALESPERSON, Roles.PARTNER_SALESMAN, Roles.TRAVEL_SALESPERSON})
    public Page<ClientListItem> clients(@PathParam("id") long id, @Valid @BeanParam PageParams.Of25 paging,
                                        @Context SecurityContext security) {
        own(Caller.of(security), id);
        return ClientApi.listPage(clients.ofSalesperson(id, paging.page(), paging.perPage()));
    }
}
