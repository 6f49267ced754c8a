package com.tsh.erp.zohosim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * What every Zoho API call goes through, in Zoho's order: the access token (401 code 57), the organization
 * (400 code 2 / 6041), the limits (429, {@link Limits}; only admitted calls count), then, for admitted calls,
 * the injected faults ({@link Faults}), the check against the document ({@link ZohoDocuments}; 400 code 2), the
 * operation itself, and the answer shaped by the document. Every call is logged ({@link CallLog}).
 */
@ApplicationScoped
public class ApiGate {

    private static final Logger LOG = Logger.getLogger(ApiGate.class);
    private static final String TOKEN_PREFIX = "Zoho-oauthtoken ";

    @Inject
    SimSettings settings;
    @Inject
    Tokens tokens;
    @Inject
    Limits limits;
    @Inject
    Faults faults;
    @Inject
    CallLog log;
    @Inject
    ZohoDocuments documents;

    /** What an operation gets: its query parameters, path, body and the time the call was received. */
    public static final class Call {
        private final UriInfo uri;
        public final ObjectNode body;
        public final long now;

        Call(UriInfo uri, ObjectNode body, long now) {
            this.uri = uri;
            this.body = body;
            this.now = now;
        }

        /** A query parameter's first value, null when absent or blank. */
        public String query(String name) {
            String v = uri.getQueryParameters().getFirst(name);
            return v == null || v.isBlank() ? null : v;
        }

        public boolean flag(String name) {
            return "true".equalsIgnoreCase(query(name));
        }
    }

    /**
     * Runs one API call.
     *
     * @param operation builds the answer's envelope ({@code code}, {@code message}, the record or list);
     *     the gate shapes it by the document
     */
    public Response run(Op op, UriInfo uri, HttpHeaders headers, HttpServerRequest request, String body,
                        Function<Call, ObjectNode> operation) {
        long received = System.currentTimeMillis();
        String path = uri.getPath();
        String query = uri.getRequestUri().getRawQuery();
        int status = 500;
        String outcome = "error";
        try {
            authorize(headers, received);
            organization(uri);
            limits.admit(System.currentTimeMillis());
            try {
                Faults.Settings f = faults.settings();
                if (f.latencyMs() > 0) {
                    sleep(f.latencyMs());
                }
                if (faults.draw(f.errorRate())) {
                    throw new ZohoException(500, 500, "Internal error, please try again after some time.", null, "fault");
                }
                if (faults.draw(f.throttleRate())) {
                    throw new ZohoException(429, 44,
                            "You have made too many requests continuously. Please try again after some time.", 1, "fault");
                }
                ObjectNode json = validate(op, uri, headers, body);
                ObjectNode answer = documents.shape(op.doc, op.method, op.template, op.status,
                        operation.apply(new Call(uri, json, System.currentTimeMillis())));
                String text = documents.json().writeValueAsString(answer);
                if (op.creates && faults.draw(f.lostAnswerRate())) {
                    status = op.status;
                    outcome = "lost";
                    return lose(request, f, text);
                }
                status = op.status;
                outcome = "ok";
                return Response.status(op.status).type(MediaType.APPLICATION_JSON_TYPE).entity(text).build();
            } finally {
                limits.done();
            }
        } catch (ZohoException e) {
            status = e.status();
            outcome = e.outcome() != null ? e.outcome() : e.status() == 401 ? "unauthorized" : "invalid";
            return error(e);
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.errorf(e, "%s %s failed", op.method, path);
            return error(new ZohoException(500, 500, "Internal error: " + e));
        } finally {
            log.add(received, op.method, path, query, status, outcome);
        }
    }

    private void authorize(HttpHeaders headers, long now) {
        String auth = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = auth != null && auth.startsWith(TOKEN_PREFIX) ? auth.substring(TOKEN_PREFIX.length()).trim() : null;
        if (!tokens.valid(token, now)) {
            throw new ZohoException(401, 57, "You are not authorized to perform this operation");
        }
    }

    private void organization(UriInfo uri) {
        String org = uri.getQueryParameters().getFirst("organization_id");
        if (org == null || org.isBlank()) {
            throw ZohoException.invalid("organization_id");
        }
        if (!org.equals(settings.organizationId())) {
            throw new ZohoException(400, 6041, "This user is not associated with the CompanyID/CompanyName:" + org + ".");
        }
    }

    /** The body and query checked against the document (parameters accepted beyond it are the operation's to check). */
    private ObjectNode validate(Op op, UriInfo uri, HttpHeaders headers, String body) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, v) -> {
            if (!op.extraQuery.contains(k)) {
                query.put(k, v);
            }
        });
        String subPath = uri.getPath().substring(op.basePath().length());
        boolean hasBody = body != null && !body.isBlank();
        if (op.needsBody() && !hasBody) {
            throw ZohoException.invalid("JSONString", "a JSON body is required");
        }
        documents.validateRequest(op.doc, op.method, subPath, query, headers.getHeaderString(HttpHeaders.CONTENT_TYPE), body);
        if (!hasBody) {
            return documents.json().createObjectNode();
        }
        try {
            JsonNode json = documents.json().readTree(body);
            if (!json.isObject()) {
                throw ZohoException.invalid("JSONString", "a JSON object is required");
            }
            return (ObjectNode) json;
        } catch (JsonProcessingException e) {
            throw ZohoException.invalid("JSONString", e.getOriginalMessage());
        }
    }

    /**
     * The operation happened, and its answer is lost: the connection is closed without one (the client sees
     * the connection end). Should closing fail, the answer is held for {@code lost_answer_delay_ms}, longer than
     * a client waits.
     */
    private Response lose(HttpServerRequest request, Faults.Settings f, String text) {
        try {
            request.connection().close();
        } catch (RuntimeException cannotClose) {
            LOG.warnf("could not close the connection of a lost answer (%s); holding the answer %d ms instead",
                    cannotClose, f.lostAnswerDelayMs());
            sleep(f.lostAnswerDelayMs());
        }
        return Response.status(500).type(MediaType.APPLICATION_JSON_TYPE).entity(text).build();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Zoho's error answer. */
    public static Response error(ZohoException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", e.code());
        body.put("message", e.getMessage());
        Response.ResponseBuilder r = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(write(body));
        if (e.retryAfterSeconds() != null) {
            r.header("Retry-After", e.retryAfterSeconds());
        }
        return r.build();
    }

    private static final ObjectMapper PLAIN = new ObjectMapper();

    static String write(Object value) {
        try {
            return PLAIN.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
