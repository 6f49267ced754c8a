package com.tsh.erp.catalog.api;

import com.tsh.erp.catalog.api.CategoryApi.CategoryNode;
import com.tsh.erp.catalog.api.CategoryApi.CreateCategory;
import com.tsh.erp.catalog.api.CategoryApi.UpdateCategory;
import com.tsh.erp.catalog.service.CategoryService;
import com.tsh.erp.defaults.Roles;
import com.tsh.erp.defaults.Actors;
import com.tsh.erp.defaults.ApiDocument;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The category tree (a few hundred at most, so it is returned whole, not paginated). */
@Path("/categories")
@Tag(name = "Categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CategoryResource {

    @Inject
    CategoryService categories;

    @GET
    @APIResponse(responseCode = "200", description = "The root categories, each with its sub-categories")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT, Roles.WAREHOUSE, Roles.SALESPERSON, Roles.PARTNER_SALESMAN, Roles.TRAVEL_SALESPERSON, Roles.CLIENT})
    public List<CategoryNode> tree() {
        return CategoryApi.nodes(categories.tree());
    }

    @POST
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "The category's path", required = true, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CategoryNode.class)))
    @APIResponse(responseCode = "422", ref = ApiDocument.UNPROCESSABLE)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public Response create(@Valid @NotNull CreateCategory body, @Context SecurityContext security) {
        CategoryNode created = CategoryApi.node(categories.create(CategoryApi.input(body), Actors.of(security)), List.of());
        return Response.status(201).header("Location", "/categories/" + created.id()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The category as changed")
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "422", ref = ApiDocument.UNPROCESSABLE)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public CategoryNode update(@PathParam("id") long id, @Valid @NotNull UpdateCategory body, @Context SecurityContext security) {
        return CategoryApi.node(categories.update(id, body.version(), CategoryApi.input(body), Actors.of(security)), List.of());
    }

    @POST
    @Path("/{id}/deactivate")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "200", description = "The category, inactive")
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public CategoryNode deactivate(@PathParam("id") long id, @Context SecurityContext security) {
        return CategoryApi.node(categories.deactivate(id, Actors.of(security)), List.of());
    }
}
