package com.tsh.erp.clients.api;

import com.tsh.erp.clients.api.ClientApi.ClientListItem;
import com.tsh.erp.clients.api.SalespersonApi.SalespersonFields;
import com.tsh.erp.clients.api.SalespersonApi.SalespersonView;
import com.tsh.erp.clients.api.SalespersonApi.UpdateSalesperson;
import com.tsh.erp.clients.service.ClientService;
import com.tsh.erp.clients.service.SalespersonService;
import com.tsh.erp.defaults.Actors;
import com.tsh.erp.defaults.Page;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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

@Path("/salespeople")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SalespersonResource {

    @Inject
    SalespersonService salespeople;
    @Inject
    ClientService clients;

    @GET
    public Page<SalespersonView> list(@QueryParam("q") @Size(max = 100) String q,
                                      @QueryParam("kind") @Pattern(regexp = "INTERNAL|PARTNER_SALESMAN|TRAVEL", message = "must be INTERNAL, PARTNER_SALESMAN or TRAVEL") String kind,
                                      @QueryParam("region") @Size(max = 100) String region,
                                      @QueryParam("active") @Pattern(regexp = "true|false", message = "must be true or false") String active,
                                      @QueryParam("page") @DefaultValue("1") @Min(1) @Max(100_000) int page,
                                      @QueryParam("per_page") @DefaultValue("25") @Min(1) @Max(100) int perPage) {
        return salespeople.list(q, kind, region, active == null ? null : Boolean.valueOf(active), page, perPage);
    }

    @GET
    @Path("/{id}")
    public SalespersonView get(@PathParam("id") long id) {
        return salespeople.get(id);
    }

    @POST
    public Response create(@Valid @NotNull SalespersonFields body, @Context SecurityContext security) {
        SalespersonView created = salespeople.create(body, Actors.of(security));
        return Response.status(201).header("Location", "/salespeople/" + created.id()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    public SalespersonView update(@PathParam("id") long id, @Valid @NotNull UpdateSalesperson body,
                                  @Context SecurityContext security) {
        return salespeople.update(id, body, Actors.of(security));
    }

    @POST
    @Path("/{id}/deactivate")
    @Consumes(MediaType.WILDCARD)
    public SalespersonView deactivate(@PathParam("id") long id, @Context SecurityContext security) {
        return salespeople.deactivate(id, Actors.of(security));
    }

    /** The salesperson's active clients. */
    @GET
    @Path("/{id}/clients")
    public Page<ClientListItem> clients(@PathParam("id") long id,
                                        @QueryParam("page") @DefaultValue("1") @Min(1) @Max(100_000) int page,
                                        @QueryParam("per_page") @DefaultValue("25") @Min(1) @Max(100) int perPage) {
        return clients.ofSalesperson(id, page, perPage);
    }
}
