package com.tsh.erp.zohosim;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zoho's published OpenAPI documents (src/main/resources/zoho-openapi, see SOURCE.md there), one
 * {@link OpenApiInteractionValidator} each: every request body and query is checked against its operation,
 * and every answer is shaped by the operation's response schema ({@link #shape}), so it carries the
 * document's field names and nothing else.
 *
 * <p>The files stay as Zoho published them. In memory, before the validators are built, two things change:
 * the {@code servers} entry is dropped (so operations match paths without {@code /books/v3} or
 * {@code /inventory/v1}), and a few response schemas that contradict the documents' own examples and Zoho's
 * actual answers are corrected ({@link #errata}; each listed in SOURCE.md). Request schemas are never changed;
 * one duplicated query parameter, which makes the parser refuse a whole document, is dropped.
 *
 * <p>Validator settings: {@code additionalProperties} is taken as false wherever a schema does not say
 * (the validator's default), so unknown fields are refused; security requirements are not checked here
 * (the simulator checks the token and {@code organization_id} itself, with Zoho's codes); query parameters
 * the document does not list are refused, except those an {@link Op} declares as accepted beyond the
 * document (the caller removes them before validation and checks them itself).
 */
@Startup
@ApplicationScoped
public class ZohoDocuments {

    /** The documents the simulator serves. */
    public enum Doc {
        INVENTORY_ITEMS("inventory/items.yml"),
        BOOKS_CONTACTS("books/contacts.yml"),
        BOOKS_SALES_ORDERS("books/sales-order.yml"),
        BOOKS_INVOICES("books/invoices.yml");

        final String file;

        Doc(String file) {
            this.file = file;
        }
    }

    private static final Pattern QUOTED_NAME = Pattern.compile("\\[\"([^\"]+)\"");
    private static final Pattern QUOTED_PARAM = Pattern.compile("'([^']+)'");

    private final Map<Doc, ObjectNode> trees = new EnumMap<>(Doc.class);
    private final Map<Doc, OpenApiInteractionValidator> validators = new EnumMap<>(Doc.class);
    private final ObjectMapper json = new ObjectMapper();

    public ZohoDocuments() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (Doc doc : Doc.values()) {
            ObjectNode tree = read(yaml, doc.file);
            tree.remove("servers");
            errata(doc, tree);
            trees.put(doc, tree);
            validators.put(doc, OpenApiInteractionValidator.createForInlineApiSpecification(tree.toString())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                            .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                            .build())
                    .build());
        }
    }

    private static ObjectNode read(ObjectMapper yaml, String file) {
        try (InputStream in = ZohoDocuments.class.getResourceAsStream("/zoho-openapi/" + file)) {
            if (in == null) {
                throw new IllegalStateException("zoho-openapi/" + file + " is missing from the classpath");
            }
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Corrections of response schemas, each also listed in SOURCE.md. Zoho answers these operations with
     * shapes its documents get wrong; the simulator answers as Zoho does and checks itself against the corrected
     * schema.
     */
    private static void errata(Doc doc, ObjectNode tree) {
        ObjectNode schemas = (ObjectNode) tree.path("components").path("schemas");
        switch (doc) {
            case INVENTORY_ITEMS -> {
                // the list's page_context is missing from the document (Zoho sends it on every list); the shape
                // is the one Inventory's contacts document gives
                props(schemas, "list-all-the-items-response").set("page_context", pageContext());
            }
            case BOOKS_SALES_ORDERS -> {
                // the document declares "salesorder" an array in the create, get and update answers (Zoho sends
                // one object), and for get an element without salesorder_id, status or totals
                for (String answer : List.of("create-a-sales-order-response", "get-a-sales-order-response",
                        "update-a-sales-order-response")) {
                    props(schemas, answer).set("salesorder", ref("salesorder-response"));
                }
                // invoiced_status (not_invoiced / invoiced) is in Zoho's answers but not in the document
                ObjectNode string = JsonNodeFactory.instance.objectNode().put("type", "string");
                props(schemas, "salesorder-response").set("invoiced_status", string);
                ((ObjectNode) props(schemas, "list-sales-orders-response").path("salesorders").path("items")
                        .path("properties")).set("invoiced_status", string);
                // the list's page_context is missing from the answer (the document defines it, unused)
                props(schemas, "list-sales-orders-response").set("page_context", ref("page_context"));
                // GET /salesorders lists zcrm_potential_id twice (string, then int64), which the parser refuses
                // as a whole; the first is kept. The only change to a request
                ArrayNode params = (ArrayNode) tree.path("paths").path("/salesorders").path("get").path("parameters");
                boolean seen = false;
                for (int i = 0; i < params.size(); i++) {
                    if ("zcrm_potential_id".equals(params.get(i).path("name").asText())) {
                        if (seen) {
                            params.remove(i--);
                        }
                        seen = true;
                    }
                }
            }
            case BOOKS_INVOICES -> {
                // the list's page_context is declared an array of one object; Zoho sends the object
                ObjectNode list = props(schemas, "list-invoices-response");
                list.set("page_context", list.path("page_context").path("items").deepCopy());
            }
            default -> {
            }
        }
    }

    private static ObjectNode props(ObjectNode schemas, String name) {
        return (ObjectNode) schemas.path(name).path("properties");
    }

    private static ObjectNode ref(String schema) {
        return JsonNodeFactory.instance.objectNode().put("$ref", "#/components/schemas/" + schema);
    }

    private static ObjectNode pageContext() {
        ObjectNode pc = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode p = pc.putObject("properties");
        p.putObject("page").put("type", "integer");
        p.putObject("per_page").put("type", "integer");
        p.putObject("has_more_page").put("type", "boolean");
        p.putObject("applied_filter").put("type", "string");
        p.putObject("sort_column").put("type", "string");
        p.putObject("sort_order").put("type", "string");
        return pc;
    }

    /**
     * Checks a request against its operation.
     *
     * @param path the path below the document's base path, e.g. {@code /items/4815000000044208}
     * @param query the query parameters to check (the caller has removed those it accepts beyond the document)
     * @throws ZohoException 400 code 2 naming the first field the document refuses
     */
    public void validateRequest(Doc doc, String method, String path, Map<String, List<String>> query,
                                String contentType, String body) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(method, path);
        query.forEach(b::withQueryParam);
        if (body != null && !body.isBlank()) {
            b.withBody(body).withContentType(contentType == null ? "application/json" : contentType);
        }
        ValidationReport report = validators.get(doc).validateRequest(b.build());
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                throw ZohoException.invalid(field(m), m.getMessage());
            }
        }
    }

    /** The validator's report on an answer (for the tests: every answer must match its document). */
    public ValidationReport validateResponse(Doc doc, String method, String path, int status, String body) {
        return validators.get(doc).validateResponse(path, Request.Method.valueOf(method),
                SimpleResponse.Builder.status(status).withContentType("application/json").withBody(body).build());
    }

    /** The field a message is about, as Zoho names fields in its errors ({@code line_items[0].rate}). */
    static String field(ValidationReport.Message m) {
        String key = m.getKey();
        if (key.startsWith("validation.request.parameter")) {
            Optional<String> name = m.getContext().flatMap(ValidationReport.MessageContext::getParameter).map(p -> p.getName());
            if (name.isPresent()) {
                return name.get();
            }
            Matcher q = QUOTED_PARAM.matcher(m.getMessage());
            return q.find() ? q.group(1) : "query";
        }
        if (key.endsWith("invalidJson") || key.equals("validation.request.body.missing")) {
            return "JSONString";
        }
        String pointer = m.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getInstance).orElse("");
        StringBuilder f = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                f.append('[').append(part).append(']');
            } else {
                f.append(f.isEmpty() ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        if (key.endsWith("additionalProperties") || key.endsWith("required")) {
            Matcher n = QUOTED_NAME.matcher(m.getMessage());
            if (n.find()) {
                f.append(f.isEmpty() ? "" : ".").append(n.group(1));
            }
        }
        return f.isEmpty() ? "JSONString" : f.toString();
    }

    /**
     * The answer an operation gives: {@code body} with only the fields the operation's response schema
     * (for that status) lists, recursively; the rest of a stored record is left out, as Zoho leaves out of
     * each answer what its document does not list for it.
     */
    public ObjectNode shape(Doc doc, String method, String pathTemplate, int status, ObjectNode body) {
        JsonNode schema = trees.get(doc).path("paths").path(pathTemplate).path(method.toLowerCase())
                .path("responses").path(String.valueOf(status)).path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            throw new IllegalStateException(doc + " has no " + status + " answer for " + method + " " + pathTemplate);
        }
        return (ObjectNode) project(doc, schema, body);
    }

    /** The schema of a record in an answer, e.g. the {@code item} of GET /items/{item_id}. */
    public JsonNode recordSchema(Doc doc, String method, String pathTemplate, int status, String envelope) {
        JsonNode schema = resolve(doc, trees.get(doc).path("paths").path(pathTemplate).path(method.toLowerCase())
                .path("responses").path(String.valueOf(status)).path("content").path("application/json").path("schema"));
        JsonNode record = resolve(doc, schema.path("properties").path(envelope));
        return record.path("type").asText().equals("array") ? resolve(doc, record.path("items")) : record;
    }

    /** {@code value} reduced to what {@code schema} lists. */
    public JsonNode project(Doc doc, JsonNode schema, JsonNode value) {
        JsonNode s = resolve(doc, schema);
        if (value.isObject() && s.has("properties")) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            JsonNode props = s.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (props.has(e.getKey())) {
                    out.set(e.getKey(), project(doc, props.get(e.getKey()), e.getValue()));
                }
            }
            return out;
        }
        if (value.isArray() && s.has("items")) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            value.forEach(v -> out.add(project(doc, s.get("items"), v)));
            return out;
        }
        return value;
    }

    private JsonNode resolve(Doc doc, JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 20 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asText();
            s = trees.get(doc).at(ref.substring(1));
        }
        return s;
    }

    public ObjectMapper json() {
        return json;
    }
}
