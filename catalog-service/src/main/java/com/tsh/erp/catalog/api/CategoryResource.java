package com.tsh.erp.catalog.api;

import com.tsh.erp.catalog.api.CategoryApi.CategoryNode;
import com.tsh.erp.catalog.api.CategoryApi.CreateCategory;
import com.tsh.erp.catalog.api.CategoryApi.UpdateCategory;
import com.tsh.erp.catalog.service.CategoryService;
import com.tsh.erp.defaults.Actors;
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

/** The category tree (a few hundred at most, so it is returned whole, not paginated). */
@Path("/categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CategoryResource {

    @Inject
    CategoryService categories;

    @GET
    public List<CategoryNode> tree() {
        return categories.tree();
    }

    @POST
    public Response create(@Valid @NotNull CreateCategory body, @Context SecurityContext security) {
        CategoryNode created = categories.create(body, Actors.of(security));
        return Response.status(201).header("Location", "/categories/" + created.id()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    public CategoryNode update(@PathParam("id") long id, @Valid @NotNull UpdateCategory body, @Context SecurityContext security) {
        return categories.update(id, body, Actors.of(security));
    }

    @POST
    @Path("/{id}/deactivate")
    @Consumes(MediaType.WILDCARD)
    public CategoryNode deactivate(@PathParam("id") long id, @Context SecurityContext security) {
        return categories.deactivate(id, Actors.of(security));
    }
}
