package com.tsh.erp.gateway.api;

import com.tsh.erp.defaults.ApiDocument;
import com.tsh.erp.defaults.OneOf;
import com.tsh.erp.defaults.PageParams;
import com.tsh.erp.gateway.service.Role;
import com.tsh.erp.gateway.service.UserView;
import com.tsh.erp.gateway.service.Users;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admins manage users. Every change is recorded with its actor, {@code user:<the admin's id>}. */
@Path("/api/v1/users")
@Tag(name = "Users")
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    Users users;
    @Inject
    JsonWebToken jwt;

    @POST
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "The user's path", required = true, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "422", ref = ApiDocument.UNPROCESSABLE)
    public Response create(@Valid @NotNull UserApi.NewUser body) {
        UserView created = users.create(body.username(), body.password(), body.settings(), actor());
        return Response.status(201).header("Location", "/api/v1/users/" + created.id()).entity(created).build();
    }

    @GET
    @APIResponse(responseCode = "200", description = "A page of users, by id")
    public UserView.PageOf list(
            @QueryParam("role") @OneOf(Role.class) @Parameter(schema = @Schema(implementation = Role.class)) String role,
            @QueryParam("active") @jakarta.validation.constraints.Pattern(regexp = "true|false", message = "must be true or false")
            @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String active,
            @QueryParam("q") @Size(max = 64) @Parameter(description = "The beginning of the username (any case)") String q,
            @Valid @BeanParam PageParams.Of25 paging) {
        return users.list(role == null ? null : Role.valueOf(role), active == null ? null : Boolean.valueOf(active), q, paging.page(), paging.perPage());
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The user")
    public UserView get(@PathParam("id") long id) {
        return users.get(id);
    }

    @PUT
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "Saved")
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "422", ref = ApiDocument.UNPROCESSABLE)
    public UserView update(@PathParam("id") long id, @Valid @NotNull UserApi.UserUpdate body) {
        return users.update(id, body.settings(), body.password(), body.version(), actor());
    }

    /** The admin as recorded: {@code user:<id>} (the token's {@code sub}). */
    private String actor() {
        return "user:" + jwt.getSubject();
    }
}
