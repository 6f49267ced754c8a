package com.tsh.erp.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.tsh.erp.defaults.Actors;
import com.tsh.erp.defaults.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** The tests' route that starts a job, as a service's own would (202 with the job and its Location). */
@Path("/test-jobs")
public class StartJobResource {

    @Inject
    Jobs jobs;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @org.eclipse.microprofile.openapi.annotations.media.Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                    additionalProperties = org.eclipse.microprofile.openapi.annotations.media.Schema.True.class)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "202", description = "queued",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = JobView.class)))
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SALESPERSON})
    public Response start(JsonNode params, @Context SecurityContext security) {
        return Jobs.accepted(jobs.submit("count", params, Actors.of(security)));
    }
}
