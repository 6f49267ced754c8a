package com.tsh.erp.zoho.api;

import com.tsh.erp.defaults.Roles;
import com.tsh.erp.defaults.Actors;
import com.tsh.erp.defaults.ApiDocument;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.OneOf;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.defaults.PageParams;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.zoho.pull.SyncJobs;
import com.tsh.erp.zoho.push.Mappings;
import com.tsh.erp.zoho.push.SyncTasks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The Zoho sync's status and operations: what is mapped, waiting and refused; full sync jobs. */
@Path("/sync")
@Tag(name = "Zoho sync")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

    /** The kinds a record of the sync can be (the mapping also holds invoices, made from orders). */
    public enum Kind { product, client, order, invoice }

    public enum TaskKind { product, client, order }

    public enum PullKind { items, contacts }

    @Inject
    SyncStatus status;
    @Inject
    SyncTasks tasks;
    @Inject
    SyncJobs jobs;
    @Inject
    Mappings mappings;
    @Inject
    Sql sql;

    @GET
    @Path("/status")
    @APIResponse(responseCode = "200", description = "Per kind: mapped, pending, failed; consumer lag; the shared budget; the token")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT})
    public SyncStatus.Status status() {
        return status.status();
    }

    public record Failure(long id, String kind, String erpId, long version, int attempts,
                          @Schema(nullable = true, implementation = Integer.class, description = "Zoho's error code (0: not Zoho's: an order that waited too long for its client or products)") Integer code,
                          @Schema(nullable = true) String message,
                          @Schema(nullable = true, implementation = String.class, format = "date-time") Instant failedAt) {
    }

    @GET
    @Path("/failures")
    @APIResponse(responseCode = "200", description = "Records Zoho refused, newest first")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT})
    public Page<Failure> failures(
            @QueryParam("kind") @OneOf(TaskKind.class) @Parameter(schema = @Schema(implementation = TaskKind.class)) String kind,
            @Valid @BeanParam PageParams.Of25 paging) {
        Sql.Where where = Sql.Where.of("status = :status", "status", "FAILED").andIfPresent("kind = :kind", "kind", kind);
        List<Failure> rows = sql.list("""
                select id, kind, erp_id, version, attempts, last_error_code::bigint as last_error_code, last_error_message, last_error_at
                from sync_task""" + where + " order by id desc" + Sql.PAGE, where.params().page(paging.page(), paging.perPage()),
                r -> {
                    Long code = r.getLongOrNull("last_error_code");
                    return new Failure(r.getLong("id"), r.getString("kind"), r.getString("erp_id"), r.getLong("version"), r.getInt("attempts"),
                            code == null ? null : code.intValue(), r.getString("last_error_message"), r.getInstant("last_error_at"));
                });
        return Page.of(rows, paging.page(), paging.perPage());
    }

    @POST
    @Path("/failures/{id}/retry")
    @APIResponse(responseCode = "202", description = "The record is pending again and is sent with the next worker free")
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @RolesAllowed({Roles.ADMIN, Roles.ACCOUNTANT})
    public Response retry(@PathParam("id") long id) {
        if (!tasks.retry(id)) {
            throw ApiException.notFound("failure", id);
        }
        return Response.accepted().build();
    }

    public record StartJob(
            @NotNull @NotEmpty @Size(max = 2)
            @Schema(description = "What to pull from Zoho: items, contacts or both", required = true, type = SchemaType.ARRAY,
                    implementation = PullKind.class) List<@NotNull @OneOf(PullKind.class) String> kinds) {
    }

    @POST
    @Path("/jobs")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "The job is queued; follow it at its Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SyncJobs.Job.class)),
            headers = @Header(name = "Location", description = "The job's path", required = true, schema = @Schema(type = SchemaType.STRING)))
    @RolesAllowed({Roles.ADMIN})
    public Response startJob(@Valid @NotNull StartJob body, @Context SecurityContext security) {
        UUID id = jobs.start(List.copyOf(new LinkedHashSet<>(body.kinds())), Actors.of(security));
        return Response.accepted(jobs.find(id).orElseThrow()).header("Location", "/sync/jobs/" + id).build();
    }

    @GET
    @Path("/jobs/{id}")
    @APIResponse(responseCode = "200", description = "The job's state and its progress per kind")
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT})
    public SyncJobs.Job job(@PathParam("id") UUID id) {
        return jobs.find(id).orElseThrow(() -> ApiException.notFound("sync job", id));
    }

    @GET
    @Path("/mappings")
    @APIResponse(responseCode = "200", description = "ERP id <-> Zoho id, by kind, ERP id or Zoho id")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT})
    public Page<Mappings.Mapping> mappings(
            @QueryParam("kind") @OneOf(Kind.class) @Parameter(schema = @Schema(implementation = Kind.class)) String kind,
            @QueryParam("erp_id") @Size(max = 64) String erpId,
            @QueryParam("zoho_id") @Size(max = 64) String zohoId,
            @Valid @BeanParam PageParams.Of25 paging) {
        return Page.of(mappings.page(kind, erpId, zohoId, paging.page(), paging.perPage()), paging.page(), paging.perPage());
    }
}
