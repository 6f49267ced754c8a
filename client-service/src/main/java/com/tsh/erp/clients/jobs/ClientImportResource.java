package com.tsh.erp.clients.jobs;

import com.tsh.erp.defaults.Actors;
import com.tsh.erp.defaults.ApiDocument;
import com.tsh.erp.defaults.Roles;
import com.tsh.erp.jobs.JobView;
import com.tsh.erp.jobs.Jobs;
import com.tsh.erp.jobs.files.TableUpload;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Starts a clients import: a CSV or XLSX file sent as {@code multipart/form-data}, checked at once by
 * {@link TableUpload}, then read, validated and applied by the {@link ClientImport} job.
 */
@Path("/clients/imports")
@Tag(name = "Jobs")
@Produces(MediaType.APPLICATION_JSON)
public class ClientImportResource {

    @Inject
    Jobs jobs;
    @ConfigProperty(name = "tsh.clients.imports.max-bytes", defaultValue = "10485760")
    long maxBytes;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Imports clients from a CSV or XLSX file, as a background job (202 with the job and its Location)",
            description = "Columns (header row, any order, case ignored): id, name, name_ar, client_type (WHOLESALE or"
                    + " RETAIL), phone, email, address, city, region, salesperson_id, credit_limit, active; the clients"
                    + " export writes exactly these. A row is the client its id names (an unknown id is refused), else the"
                    + " client with its phone (a phone several clients share is refused), else a new client. A column left"
                    + " out keeps what the client has; an empty cell clears the optional fields and is refused for name,"
                    + " name_ar and client_type. Rows that cannot be taken are listed in the job's result file (row, phone,"
                    + " field, value, reason); the others are applied. dry_run=true checks everything and changes nothing."
                    + " Only admins and managers import: an import sets credit limits and salespeople.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(
            type = SchemaType.OBJECT, requiredProperties = {"file"}, properties = {
                    @SchemaProperty(name = "file", type = SchemaType.STRING, format = "binary",
                            description = "the CSV or XLSX file; its type is judged by its bytes"),
                    @SchemaProperty(name = "dry_run", type = SchemaType.BOOLEAN,
                            description = "true: check every row and report, change nothing (default false)")})))
    @APIResponse(responseCode = "202", description = "the job, queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_TYPE)
    @APIResponse(responseCode = "422", ref = ApiDocument.UNPROCESSABLE)
    public Response importClients(@RestForm("file") FileUpload file, @RestForm("dry_run") String dryRun,
                                  @Context SecurityContext security) {
        TableUpload upload = TableUpload.of(file, dryRun, maxBytes);
        return Jobs.accepted(jobs.submit(ClientImport.KIND, upload.params(), Actors.of(security), upload.input()));
    }
}
