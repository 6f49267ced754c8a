package com.tsh.erp.defaults;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.tsh.erp.events.Correlation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become HTTP answers: every error is {@code application/problem+json}
 * with a stable type, the fields that were wrong, and the request id; nothing leaks a stack trace,
 * a class name or SQL.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e, UriInfo uri) {
        return problem(e.status(), e.kind(), e.title(), e.getMessage(), e.errors(), uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return problem(400, "validation-failed", "Invalid request", detail, errors, uri);
    }

    /** Named on its own so that it takes precedence over Quarkus's built-in mapper for this class. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    /** Any body that could not be read: malformed JSON, an unknown field, a value of the wrong type. */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        String duplicate = duplicateField(e);
        if (duplicate != null) {
            return problem(400, "invalid-field", "Invalid request", duplicate + ": given twice",
                    List.of(new Problem.FieldError(duplicate, "given twice")), uri);
        }
        if (e instanceof StrictJson.RefusedValue refused) {
            String field = path(refused).isEmpty() ? "body" : path(refused);
            return problem(400, "invalid-field", "Invalid request", field + ": " + refused.reason(),
                    List.of(new Problem.FieldError(field, refused.reason())), uri);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String field = path(u);
            return problem(400, "unknown-field", "Invalid request", field + ": unknown field",
                    List.of(new Problem.FieldError(field, "unknown field")), uri);
        }
        if (e instanceof MismatchedInputException m && m.getMessage() != null && m.getMessage().startsWith("Trailing token")) {
            return problem(400, "malformed-json", "Malformed JSON", "the body has more after its JSON value", null, uri);
        }
        if (e instanceof MismatchedInputException m) { // includes InvalidFormatException
            String field = path(m).isEmpty() ? "body" : path(m);
            String expected = m.getTargetType() == null ? "another type" : describe(m.getTargetType());
            String message = field.equals("body") ? "the body must be a JSON " + expected : "expected " + expected;
            return problem(400, "invalid-field", "Invalid request", field + ": " + message,
                    List.of(new Problem.FieldError(field, message)), uri);
        }
        if (e instanceof JsonMappingException m && !path(m).isEmpty()) {
            String field = path(m);
            return problem(400, "invalid-field", "Invalid request", field + ": invalid value",
                    List.of(new Problem.FieldError(field, "invalid value")), uri);
        }
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
        return problem(400, "malformed-json", "Malformed JSON", "the body is not valid JSON" + where, null, uri);
    }

    /** A query or path parameter that is not of its type ({@link ParameterTypes}). */
    @ServerExceptionMapper
    public Response invalidParameter(ParameterTypes.InvalidParameter e, UriInfo uri) {
        return problem(400, "invalid-parameter", "Invalid request", e.getMessage(),
                List.of(new Problem.FieldError(e.parameter(), e.reason())), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException body) {
            return json(body, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "Request %s failed", uri.getPath());
            return internal(uri);
        }
        Response.StatusType info = Response.Status.fromStatusCode(status);
        String title = info != null ? info.getReasonPhrase() : "Error";
        String kind = title.toLowerCase().replace(' ', '-');
        String detail = switch (status) {
            case 404 -> "no resource at " + uri.getPath();
            case 405 -> "this method is not allowed at " + uri.getPath();
            case 406 -> "no representation matches the Accept header";
            case 415 -> "send the body as application/json";
            default -> title;
        };
        Response.ResponseBuilder b = Response.status(status);
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            b.header(HttpHeaders.ALLOW, allow);
        }
        return body(b, new Problem(Problem.TYPE_PREFIX + kind, title, status, detail, uri.getPath(), requestId(), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        var verdict = BackendFailures.classify(e);
        if (verdict.isPresent()) {
            var v = verdict.get();
            if (v.status() == 503) {
                LOG.warnf("%s answered 503: %s", uri.getPath(), rootMessage(e));
                return body(Response.status(503).header(HttpHeaders.RETRY_AFTER, BackendFailures.RETRY_AFTER_SECONDS),
                        new Problem(Problem.TYPE_PREFIX + v.kind(), v.title(), 503, v.detail(), uri.getPath(), requestId(), null));
            }
            LOG.debugf("%s answered %d (%s): %s", uri.getPath(), v.status(), v.kind(), rootMessage(e));
            return problem(v.status(), v.kind(), v.title(), v.detail(), v.errors(), uri);
        }
        LOG.errorf(e, "Unexpected failure of %s", uri.getPath());
        return internal(uri);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Response internal(UriInfo uri) {
        return problem(500, "internal-error", "Internal error",
                "the request could not be completed; quote the request id when reporting it", null, uri);
    }

    static Response problem(int status, String kind, String title, String detail, List<Problem.FieldError> errors, UriInfo uri) {
        return body(Response.status(status), new Problem(Problem.TYPE_PREFIX + kind, title, status, detail,
                uri == null ? null : uri.getPath(), requestId(), errors == null || errors.isEmpty() ? null : errors));
    }

    private static Response body(Response.ResponseBuilder builder, Problem problem) {
        return builder.type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String requestId() {
        Object id = MDC.get(Correlation.REQUEST_ID);
        return id == null ? null : id.toString();
    }

    /**
     * The field as the client knows it: a body field's JSON path ({@code lines[2].quantity}) or a
     * query/path parameter's name, without the Java method and parameter names.
     */
    static String fieldOf(ConstraintViolation<?> v) {
        List<String> parts = new ArrayList<>();
        Iterator<Path.Node> nodes = v.getPropertyPath().iterator();
        boolean parameter = false;
        String parameterName = null;
        Path.MethodNode method = null;
        while (nodes.hasNext()) {
            Path.Node n = nodes.next();
            if (n.getKind() == ElementKind.METHOD) {
                method = n.as(Path.MethodNode.class);
                continue;
            }
            if (n.getKind() == ElementKind.CONSTRUCTOR
                    || n.getKind() == ElementKind.RETURN_VALUE || n.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (n.getKind() == ElementKind.PARAMETER) {
                parameter = true;
                String wire = wireName(v.getRootBeanClass(), method, n.as(Path.ParameterNode.class).getParameterIndex());
                parameterName = wire != null ? wire : snake(n.getName());
                continue;
            }
            String name = n.getName();
            if (n.getIndex() != null && !parts.isEmpty()) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + "[" + n.getIndex() + "]");
            }
            if (name != null && n.getKind() != ElementKind.CONTAINER_ELEMENT) {
                parts.add(snake(name));
            }
        }
        if (parts.isEmpty()) {
            return parameter ? parameterName : "body";
        }
        return String.join(".", parts);
    }

    /**
     * A resource parameter's name on the wire, from its {@code @QueryParam}, {@code @PathParam} or
     * {@code @HeaderParam} ({@code Idempotency-Key}, not the Java name); null when it has none.
     */
    private static String wireName(Class<?> resource, Path.MethodNode method, int index) {
        if (resource == null || method == null) {
            return null;
        }
        Class<?>[] types = method.getParameterTypes().toArray(new Class<?>[0]);
        for (Class<?> c = resource; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Method m = c.getDeclaredMethod(method.getName(), types);
                for (Annotation a : m.getParameterAnnotations()[index]) {
                    if (a instanceof QueryParam q) {
                        return q.value();
                    }
                    if (a instanceof PathParam p) {
                        return p.value();
                    }
                    if (a instanceof HeaderParam h) {
                        return h.value();
                    }
                }
            } catch (NoSuchMethodException | ArrayIndexOutOfBoundsException e) {
                // not declared here
            }
            // a subclass (the CDI interceptor's) declares the method without the annotations: look further up
        }
        return null;
    }

    /** Java names are camelCase, the API's JSON and query names snake_case. */
    static String snake(String name) {
        return name == null ? "" : name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /**
     * The field a body gave twice (StrictJson's duplicate detection), as a JSON path
     * ({@code lines[0].sku}), or null for any other failure.
     */
    static String duplicateField(JsonProcessingException e) {
        StreamReadException read = null;
        for (Throwable t = e; t != null && read == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException r && r.getOriginalMessage() != null
                    && r.getOriginalMessage().startsWith("Duplicate field '")) {
                read = r;
            }
        }
        if (read == null) {
            return null;
        }
        String message = read.getOriginalMessage();
        String name = message.substring("Duplicate field '".length(), message.lastIndexOf('\''));
        if (e instanceof JsonMappingException m && !path(m).isEmpty()) {
            // read into a record: the path to the object that holds the field
            String to = path(m);
            return to.equals(name) || to.endsWith("." + name) ? to : to + "." + name;
        }
        List<String> steps = new ArrayList<>();
        JsonParser parser = read.getProcessor();
        // the innermost object holds the duplicate (its current name may or may not be set yet), its parents the path to it
        JsonStreamContext c = parser == null ? null : parser.getParsingContext();
        for (boolean innermost = true; c != null && !c.inRoot(); c = c.getParent(), innermost = false) {
            steps.add(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : innermost ? name : String.valueOf(c.getCurrentName()));
        }
        StringBuilder b = new StringBuilder();
        for (String step : steps) {
            if (!step.startsWith("[") && !b.isEmpty()) {
                b.append('.');
            }
            b.append(step);
        }
        return b.isEmpty() ? name : b.toString();
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            Object[] values = type.getEnumConstants();
            List<String> names = new ArrayList<>();
            for (Object o : values) {
                names.add(o.toString());
            }
            return "one of " + String.join(", ", names);
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or time";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        return "an object";
    }
}
