package com.tsh.erp.defaults;

import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createSecurityRequirement;
import static org.eclipse.microprofile.openapi.OASFactory.createSecurityScheme;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Makes every service's OpenAPI document say what really goes over the wire, where SmallRye's reading
 * of the Java types says something else (field names are made snake_case by configuration, in
 * microprofile-config.properties):
 *
 * <ul>
 *   <li>every operation can answer {@code 500} (a problem, {@link ApiDocument#INTERNAL_ERROR}) and
 *       {@code 400} ({@link ApiDocument#BAD_REQUEST}: malformed or invalid, which includes text refused
 *       in its path or query by {@code TextRulesFilter}), and one on a path with a parameter {@code 404}
 *       ({@link ApiDocument#NOT_FOUND}: nothing has that id), so resources declare only the other
 *       errors they give ({@code 409}, {@code 422}); every operation can also answer {@code 503} with
 *       {@code Retry-After} ({@link ApiDocument#UNAVAILABLE}: its database unreachable);</li>
 *   <li>a Bean Validation {@code @Pattern} must match the whole value, a JSON Schema {@code pattern}
 *       only somewhere in it: patterns are anchored ({@code @NotBlank}'s {@code \S} stays as it is);
 *       a pattern that only lists words ({@code "WHOLESALE|RETAIL"}) is an {@code enum}, and a query
 *       parameter limited to {@code true|false} is a boolean;</li>
 *   <li>request bodies refuse unknown fields ({@code quarkus.jackson.fail-on-unknown-properties}), so
 *       their schemas say {@code additionalProperties: false}; a field that is not required may also be
 *       sent as {@code null};</li>
 *   <li>a Java enum is a string of its constants' names: SmallRye writes it as a schema of its own that
 *       fields and parameters refer to (wrapped in {@code allOf} where it is nullable or stands for a
 *       {@code String} field with {@code @Schema(implementation = TheEnum.class)}, as {@link OneOf}'s
 *       fields are documented); the values are written in place instead (with {@code null} where the
 *       field may be null, which a reference cannot say in OpenAPI 3.0), so every enum reads the same;</li>
 *   <li>response bodies always carry every field of the record (Jackson writes nulls too), so every
 *       property of a schema that only answers use is required; which ones may be {@code null} the
 *       records say with {@code @Schema(nullable = true)}.</li>
 *   <li>with {@code tsh.openapi.bearer=true} (every service's default) the document has the bearer scheme (the
 *       gateway's access token) and every operation requires it and can answer {@code 401}
 *       ({@link ApiDocument#UNAUTHORIZED}) and {@code 403} ({@link ApiDocument#FORBIDDEN}): every route of a
 *       service checks the caller's roles (deny-unannotated), so none is open.</li>
 * </ul>
 *
 * The tests validate every request and response against the document, so a rule that stops being
 * true fails them.
 */
public class ApiDocumentFilter implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";
    /** A pattern that only lists literal words: an enumeration. */
    private static final Pattern WORDS = Pattern.compile("[A-Za-z0-9_-]+(\\|[A-Za-z0-9_-]+)+");
    /** What SmallRye writes for {@code @NotBlank}: a non-space character anywhere, which needs no anchors. */
    private static final String NOT_BLANK = "\\S";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        inlineEnums(api);
        boolean bearer = ConfigProvider.getConfig().getOptionalValue("tsh.openapi.bearer", Boolean.class).orElse(false);
        if (bearer && api.getComponents() != null) {
            api.getComponents().addSecurityScheme(ApiDocument.BEARER, createSecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT").description("The gateway's access token (POST /api/v1/auth/login on the "
                            + "gateway): RS256, issuer https://tsh-erp/gateway, roles in `groups`"));
        }
        Set<String> requestRoots = new LinkedHashSet<>();
        Set<String> responseRoots = new LinkedHashSet<>();
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            for (PathItem item : api.getPaths().getPathItems().values()) {
                parameters(item.getParameters());
                if (item.getOperations() == null) {
                    continue;
                }
                for (Operation op : item.getOperations().values()) {
                    parameters(op.getParameters());
                    if (op.getRequestBody() != null) {
                        refs(op.getRequestBody().getContent(), requestRoots);
                    }
                    if (op.getResponses() != null) {
                        List<Parameter> all = new ArrayList<>();
                        all.addAll(item.getParameters() == null ? List.of() : item.getParameters());
                        all.addAll(op.getParameters() == null ? List.of() : op.getParameters());
                        // any request can be refused before it reaches its operation: text with a NUL or a
                        // lone surrogate in its path or query (TextRulesFilter), a malformed body
                        answers(op, "400", ApiDocument.BAD_REQUEST);
                        if (all.stream().anyMatch(x -> x.getIn() == Parameter.In.PATH)) {
                            answers(op, "404", ApiDocument.NOT_FOUND);
                        }
                        if (bearer) {
                            if (op.getSecurity() == null || op.getSecurity().isEmpty()) {
                                op.addSecurityRequirement(createSecurityRequirement().addScheme(ApiDocument.BEARER));
                            }
                            answers(op, "401", ApiDocument.UNAUTHORIZED);
                            answers(op, "403", ApiDocument.FORBIDDEN);
                        }
                        answers(op, "500", ApiDocument.INTERNAL_ERROR);
                        answers(op, "503", ApiDocument.UNAVAILABLE);
                        if (op.getResponses().getAPIResponses() != null) {
                            for (APIResponse r : op.getResponses().getAPIResponses().values()) {
                                refs(r.getContent(), responseRoots);
                            }
                        }
                    }
                }
            }
        }
        Map<String, Schema> schemas = api.getComponents() == null ? null : api.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        for (Schema s : schemas.values()) {
            walk(s, x -> {
                anchor(x);
                nullInEnum(x);
            });
        }
        Set<String> requests = closure(requestRoots, schemas);
        Set<String> responses = closure(responseRoots, schemas);
        for (String name : requests) {
            Schema s = schemas.get(name);
            if (s != null && s.getProperties() != null) {
                s.setAdditionalPropertiesBoolean(Boolean.FALSE);
                List<String> required = s.getRequired() == null ? List.of() : s.getRequired();
                s.getProperties().forEach((field, property) -> {
                    if (!required.contains(field)) {
                        nullable(property);
                    }
                });
            }
        }
        for (String name : responses) {
            Schema s = schemas.get(name);
            if (s != null && s.getProperties() != null && !requests.contains(name)) {
                s.setRequired(new ArrayList<>(s.getProperties().keySet()));
            }
        }
    }

    /** Writes every use of an enum schema as the enum itself, and drops the enum schemas. */
    private static void inlineEnums(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents() == null ? null : api.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Map<String, Schema> enums = new java.util.HashMap<>();
        schemas.forEach((name, schema) -> {
            if (schema.getEnumeration() != null && schema.getProperties() == null) {
                enums.put(SCHEMAS + name, schema);
            }
        });
        if (enums.isEmpty()) {
            return;
        }
        java.util.function.Consumer<Schema> inline = s -> {
            // a nullable field: anyOf [the enum, {type: null}]
            boolean nullable = s.getType() != null && s.getType().contains(SchemaType.NULL);
            List<Schema> wrapped = s.getAllOf() != null ? s.getAllOf() : s.getAnyOf();
            if (s.getAnyOf() != null && s.getAnyOf().size() == 2 && s.getAnyOf().stream().anyMatch(x -> isNull(x))) {
                nullable = true;
                wrapped = s.getAnyOf().stream().filter(x -> !isNull(x)).toList();
            }
            Schema target = s.getRef() != null ? enums.get(s.getRef())
                    : wrapped != null && wrapped.size() == 1 ? enums.get(wrapped.get(0).getRef()) : null;
            if (target == null) {
                return;
            }
            s.setAnyOf(null);
            List<SchemaType> type = new ArrayList<>(target.getType() == null ? List.of() : target.getType());
            if (nullable) {
                type.add(SchemaType.NULL);
            }
            s.setRef(null);
            s.setAllOf(null);
            s.setType(type);
            s.setEnumeration(new ArrayList<>(target.getEnumeration()));
        };
        schemas.values().forEach(s -> walk(s, inline));
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            for (PathItem item : api.getPaths().getPathItems().values()) {
                List<Parameter> parameters = new ArrayList<>(item.getParameters() == null ? List.of() : item.getParameters());
                List<Content> contents = new ArrayList<>();
                if (item.getOperations() != null) {
                    for (Operation op : item.getOperations().values()) {
                        parameters.addAll(op.getParameters() == null ? List.of() : op.getParameters());
                        if (op.getRequestBody() != null) {
                            contents.add(op.getRequestBody().getContent());
                        }
                        if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                            op.getResponses().getAPIResponses().values().forEach(r -> contents.add(r.getContent()));
                        }
                    }
                }
                parameters.forEach(x -> walk(x.getSchema(), inline));
                contents.stream().filter(c -> c != null && c.getMediaTypes() != null)
                        .forEach(c -> c.getMediaTypes().values().forEach(m -> walk(m.getSchema(), inline)));
            }
        }
        enums.keySet().forEach(ref -> api.getComponents().removeSchema(ref.substring(SCHEMAS.length())));
    }

    /** A schema that only says {@code type: null}. */
    private static boolean isNull(Schema s) {
        return s.getRef() == null && List.of(SchemaType.NULL).equals(s.getType()) && s.getEnumeration() == null;
    }

    /** Adds a shared error answer to the operation, unless it declares that status itself. */
    private static void answers(Operation op, String status, String response) {
        if (op.getResponses().getAPIResponse(status) == null) {
            op.getResponses().addAPIResponse(status, createAPIResponse().ref(response));
        }
    }

    private static void parameters(List<Parameter> parameters) {
        if (parameters == null) {
            return;
        }
        for (Parameter p : parameters) {
            Schema s = p.getSchema();
            if (s == null) {
                continue;
            }
            if ("true|false".equals(s.getPattern()) && p.getIn() == Parameter.In.QUERY) {
                s.setPattern(null);
                s.setType(List.of(SchemaType.BOOLEAN));
            }
            anchor(s);
        }
    }

    /** A Bean Validation pattern as JSON Schema means it: the whole value, or one of the listed words. */
    private static void anchor(Schema s) {
        String p = s.getPattern();
        if (p == null || p.equals(NOT_BLANK)) {
            return;
        }
        if (WORDS.matcher(p).matches()) {
            s.setPattern(null);
            s.setEnumeration(new ArrayList<>(List.of((Object[]) p.split("\\|"))));
        } else if (!p.startsWith("^")) {
            s.setPattern("^(?:" + p + ")$");
        }
    }

    private static void nullable(Schema s) {
        if (s.getRef() != null || s.getType() == null || s.getType().contains(SchemaType.NULL)) {
            return;
        }
        s.addType(SchemaType.NULL);
        nullInEnum(s);
    }

    /** A nullable enumeration lists null among its values (OpenAPI 3.0.3), or null would not pass it. */
    private static void nullInEnum(Schema s) {
        if (s.getType() != null && s.getType().contains(SchemaType.NULL) && s.getEnumeration() != null
                && !s.getEnumeration().contains(null)) {
            List<Object> values = new ArrayList<>(s.getEnumeration());
            values.add(null);
            s.setEnumeration(values);
        }
    }

    private static void refs(Content content, Set<String> into) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType m : content.getMediaTypes().values()) {
            if (m.getSchema() != null) {
                walk(m.getSchema(), s -> {
                    if (s.getRef() != null && s.getRef().startsWith(SCHEMAS)) {
                        into.add(s.getRef().substring(SCHEMAS.length()));
                    }
                });
            }
        }
    }

    /** The named schemas and every schema they refer to. */
    private static Set<String> closure(Set<String> roots, Map<String, Schema> schemas) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            Schema s = schemas.get(name);
            if (s != null && seen.add(name)) {
                walk(s, x -> {
                    if (x.getRef() != null && x.getRef().startsWith(SCHEMAS)) {
                        todo.push(x.getRef().substring(SCHEMAS.length()));
                    }
                });
            }
        }
        return seen;
    }

    /** Visits a schema and every schema inside it (not following references). */
    private static void walk(Schema s, java.util.function.Consumer<Schema> visit) {
        if (s == null) {
            return;
        }
        visit.accept(s);
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(p -> walk(p, visit));
        }
        walk(s.getItems(), visit);
        walk(s.getAdditionalPropertiesSchema(), visit);
        walk(s.getNot(), visit);
        for (List<Schema> list : new List[]{s.getAllOf(), s.getAnyOf(), s.getOneOf()}) {
            if (list != null) {
                list.forEach(x -> walk(x, visit));
            }
        }
    }
}
