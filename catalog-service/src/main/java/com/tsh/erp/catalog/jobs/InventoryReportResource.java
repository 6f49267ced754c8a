package com.tsh.erp.catalog.jobs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.tsh.erp.defaults.Actors;
import com.tsh.erp.defaults.Roles;
import com.tsh.erp.jobs.JobView;
import com.tsh.erp.jobs.Jobs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Starts the inventory report (a background job; the XLSX is downloaded from /jobs/{id}/result once it is done). */
@Path("/products/inventory-report")
@Tag(name = "Jobs")
@Produces(MediaType.APPLICATION_JSON)
public class InventoryReportResource {

    @Inject
    Jobs jobs;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT, Roles.WAREHOUSE})
    @Operation(summary = "Makes the inventory report (XLSX: valuation at cost with its total, value by category, low"
            + " stock), as a background job (202 with the job and its Location)")
    @APIResponse(responseCode = "202", description = "the job, queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    public Response start(@Context SecurityContext security) {
        return Jobs.accepted(jobs.submit(InventoryReport.KIND, JsonNodeFactory.instance.objectNode(), Actors.of(security)));
    }
}
