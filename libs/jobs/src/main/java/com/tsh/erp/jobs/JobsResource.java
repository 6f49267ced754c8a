package com.tsh.erp.jobs;

import com.tsh.erp.defaults.Actors;
import com.tsh.erp.defaults.ApiDocument;
import com.tsh.erp.defaults.Caller;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.defaults.PageParams;
import com.tsh.erp.defaults.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The jobs of this service: state and progress, cancel, and the result file. Routes that start a job live with
 * the data they work on and answer {@link Jobs#accepted} (202, {@code Location: /jobs/{id}}).
 */
@Path("/jobs")
@Tag(name = "Jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ACCOUNTANT, Roles.WAREHOUSE, Roles.SALESPERSON, Roles.PARTNER_SALESMAN,
        Roles.TRAVEL_SALESPERSON, Roles.CLIENT})
public class JobsResource {

    static final String ID = "[a-z0-9-]{1,100}";

    @jakarta.inject.Inject
    Jobs jobs;

    @GET
    @Operation(summary = "The caller's jobs, newest first (admins and managers: every job of this service)")
    public Page<JobView> list(@Valid @BeanParam PageParams.Of25 page, @Context SecurityContext security) {
        return jobs.list(Caller.of(security), Actors.of(security), page.page(), page.perPage());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A job: state, progress, who started it, and its result once done")
    @APIResponse(responseCode = "200", description = "the job (404 when there is none, or it is not the caller's)")
    public JobView get(@PathParam("id") @Pattern(regexp = ID) @Size(max = 100) String id, @Context SecurityContext security) {
        return jobs.get(id, Caller.of(security), Actors.of(security));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancels a job: a queued one at once, a running one at its next progress report")
    @APIResponse(responseCode = "202", description = "cancelled, or asked to stop",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    public Response cancel(@PathParam("id") @Pattern(regexp = ID) @Size(max = 100) String id, @Context SecurityContext security) {
        return Response.accepted(jobs.cancel(id, Caller.of(security), Actors.of(security))).build();
    }

    @GET
    @Path("/{id}/result")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    @Operation(summary = "Downloads the file a finished job made, with its content type and file name")
    @APIResponse(responseCode = "200", description = "the file (Content-Type and Content-Disposition as the job wrote it)",
            content = @Content(mediaType = "*/*", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "410", ref = ApiDocument.GONE)
    public Response result(@PathParam("id") @Pattern(regexp = ID) @Size(max = 100) String id, @Context SecurityContext security) {
        Jobs.Download d = jobs.result(id, Caller.of(security), Actors.of(security));
        StreamingOutput body = out -> {
            try (InputStream in = d.content()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, d.contentType())
                .header(HttpHeaders.CONTENT_LENGTH, d.size())
                .header("Content-Disposition", contentDisposition(d.name()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .build();
    }

    /** attachment; an ASCII fallback name, and the real (Arabic, say) one as RFC 6266/5987 {@code filename*}. */
    static String contentDisposition(String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
