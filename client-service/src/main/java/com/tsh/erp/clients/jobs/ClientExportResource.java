package com.tsh.erp.clients.jobs;

import com.tsh.erp.defaults.Actors;
import com.tsh.erp.defaults.OneOf;
import com.tsh.erp.defaults.Roles;
import com.tsh.erp.jobs.JobView;
import com.tsh.erp.jobs.Jobs;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

/** Starts a clients export (a background job; the file is downloaded from /jobs/{id}/result once done). */
@Path("/clients/exports")
@Tag(name = "Jobs")
@Produces(MediaType.APPLICATION_JSON)
public class ClientExportResource {

    public enum Format { csv, xlsx }

    public record ExportRequest(
            @NotNull @OneOf(Format.class) @Schema(implementation = Format.class,
                    description = "csv (UTF-8 with a byte-order mark) or xlsx") String format,
            @Schema(nullable = true, description = "only active (true) or inactive (false) clients; all when absent") Boolean active) {
    }

    @Inject
    Jobs jobs;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT})
    @Operation(summary = "Exports the clients to CSV or XLSX, as a background job (202 with the job and its Location)",
            description = "Columns: id, name, name_ar, client_type, phone, email, address, city, region, salesperson_id,"
                    + " credit_limit, active; what the clients import reads.")
    @APIResponse(responseCode = "202", description = "the job, queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    public Response export(@Valid @NotNull ExportRequest request, @Context SecurityContext security) {
        ObjectNode params = JsonNodeFactory.instance.objectNode().put("format", request.format());
        if (request.active() != null) {
            params.put("active", request.active());
        }
        return Jobs.accepted(jobs.submit(ClientExport.KIND, params, Actors.of(security)));
    }

}
