package com.tsh.erp.defaults;

import com.tsh.erp.events.Correlation;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/** A resource that fails in every way a real one can, for the defaults' tests. */
@Path("/demo")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DemoResource {

    private static final Logger LOG = Logger.getLogger(DemoResource.class);

    @Inject
    RedisDataSource redis;

    @Inject
    DataSource dataSource;

    public record Line(@Sku String sku, @Positive int quantity) {
    }

    public record CreateItem(@NotBlank String name, @NotNull @Money BigDecimal unitPrice,
                             @NotEmpty List<@Valid Line> lines) {
    }

    /** What {@code /demo/drift} says it answers. */
    public record Shape(String name) {
    }

    @POST
    @Path("/items")
    @APIResponse(responseCode = "200", description = "The item as read") // 400: ApiDocumentFilter adds it (a body)
    public CreateItem create(@Valid @NotNull CreateItem item) {
        return item;
    }

    @GET
    @Path("/items/{id}")
    @APIResponse(responseCode = "200", description = "Item 1") // 404: ApiDocumentFilter adds it (a path parameter)
    public Map<String, Object> get(@PathParam("id") long id) {
        if (id != 1) {
            throw ApiException.notFound("Item", id);
        }
        return Map.of("id", 1);
    }

    @GET
    @Path("/filter")
    @APIResponse(responseCode = "200", description = "The parameters as understood")
    public Map<String, Object> filter(@QueryParam("q") String q, @QueryParam("category_id") Long categoryId,
                                      @QueryParam("min_price") @Money BigDecimal minPrice, @QueryParam("from") LocalDate from,
                                      @QueryParam("order_id") java.util.UUID orderId,
                                      @Valid @BeanParam PageParams.Of25 paging) {
        Map<String, Object> answer = new java.util.TreeMap<>();
        answer.put("q", String.valueOf(q));
        answer.put("category_id", String.valueOf(categoryId));
        answer.put("min_price", String.valueOf(minPrice));
        answer.put("from", String.valueOf(from));
        answer.put("order_id", String.valueOf(orderId));
        answer.put("page", paging.page());
        return answer;
    }

    @GET
    @Path("/page")
    @APIResponse(responseCode = "200", description = "The page asked")
    public Map<String, Object> page(@Valid @BeanParam PageParams.Of25 paging) {
        return Map.of("page", paging.page(), "per_page", paging.perPage());
    }

    @GET
    @Path("/boom")
    public Map<String, Object> boom() {
        throw new IllegalStateException("secret: select * from users where password = 'x'");
    }

    /** A note; the leaky endpoint refuses one longer than 100 characters, after it wrote it. */
    public record Note(@NotNull String text) {
    }

    /**
     * Writes the note outside any transaction, then refuses a long one: a refusal that has written,
     * which {@code ApiFuzzerTest} checks that the fuzzer notices (table {@code demo_note}, made by that test).
     */
    @POST
    @Path("/leaky-notes")
    @APIResponse(responseCode = "200", description = "The note as written")
    public Note leakyNote(@Valid @NotNull Note note) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into demo_note (text) values (?)")) {
            insert.setString(1, note.text());
            insert.executeUpdate();
        }
        if (note.text().length() > 100) {
            throw ApiException.badRequest("text", "at most 100 characters");
        }
        return note;
    }

    /** Answers a field its document does not have: the tests check that {@code OpenApiContract} notices. */
    @GET
    @Path("/drift")
    @APIResponse(responseCode = "200", description = "A shape", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Shape.class)))
    public Response drift() {
        return Response.ok(Map.of("name", "square", "colour", "red")).build();
    }

    @GET
    @Path("/correlation")
    public Map<String, Object> correlation() {
        LOG.info("correlation asked");
        return Map.of("request_id", String.valueOf(MDC.get(Correlation.REQUEST_ID)),
                // the MDC keys OpenTelemetry fills
                "trace_id", String.valueOf(MDC.get("traceId")),
                "span_id", String.valueOf(MDC.get("spanId")));
    }

    /** The correlation headers this service sends on a REST client call (to its own {@code /demo/headers}). */
    @GET
    @Path("/outgoing")
    public Map<String, String> outgoing(@Context UriInfo uri) {
        return QuarkusRestClientBuilder.newBuilder().baseUri(uri.getBaseUri()).build(Self.class).headers();
    }

    /** The correlation headers this request came with. */
    @GET
    @Path("/headers")
    public Map<String, String> headers(@HeaderParam(Correlation.REQUEST_ID_HEADER) String requestId,
                                       @HeaderParam(Correlation.TRACEPARENT_HEADER) String traceparent) {
        return Map.of("request_id", String.valueOf(requestId), "traceparent", String.valueOf(traceparent));
    }

    /** This service as a REST client sees it. */
    public interface Self {
        @GET
        @Path("/demo/headers")
        @Produces(MediaType.APPLICATION_JSON)
        Map<String, String> headers();
    }
}
