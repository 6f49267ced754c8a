package com.tsh.erp.zohosim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's own controls for tests (not Zoho's): state, limits, faults, token expiry, the call log, the
 * stored records, seeding and reset. No token, not counted, not logged. Errors in Zoho's shape.
 */
@Path("/sim")
@Produces(MediaType.APPLICATION_JSON)
public class SimResource {

    static final int MAX_RECORDS_PER_PAGE = 1000;

    @Inject
    Store store;
    @Inject
    Limits limits;
    @Inject
    Faults faults;
    @Inject
    Tokens tokens;
    @Inject
    CallLog log;
    @Inject
    ZohoDocuments documents;
    @Inject
    SimSettings settings;

    private final ObjectMapper json = new ObjectMapper();

    @GET
    @Path("/state")
    public Response state() {
        long now = System.currentTimeMillis();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("organization_id", settings.organizationId());
        s.put("records", store.counts());
        Map<String, Object> calls = limits.state(now);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("last_minute", calls.remove("calls_last_minute"));
        c.put("today", calls.remove("calls_today"));
        c.put("in_flight", calls.remove("in_flight"));
        c.put("last_seq", log.last());
        s.put("calls", c);
        s.put("limits", calls);
        Map<String, Object> oauth = new LinkedHashMap<>();
        oauth.put("refreshes", tokens.refreshes());
        oauth.put("refused", tokens.refused());
        oauth.put("active_tokens", tokens.active(now));
        s.put("oauth", oauth);
        s.put("faults", faults.state());
        return ok(s);
    }

    @PUT
    @Path("/limits")
    public Response limits(String body) {
        return handle(() -> {
            JsonNode b = object(body, List.of("calls_per_minute", "calls_per_day", "max_concurrent"));
            limits.set(integer(b, "calls_per_minute"), integer(b, "calls_per_day"), integer(b, "max_concurrent"));
            return state();
        });
    }

    @PUT
    @Path("/faults")
    public Response faults(String body) {
        return handle(() -> {
            JsonNode b = object(body, List.of("error_rate", "throttle_rate", "latency_ms", "lost_answer_rate",
                    "lost_answer_delay_ms", "seed"));
            faults.set(decimal(b, "error_rate"), decimal(b, "throttle_rate"), longValue(b, "latency_ms"),
                    decimal(b, "lost_answer_rate"), longValue(b, "lost_answer_delay_ms"), longValue(b, "seed"));
            return ok(faults.state());
        });
    }

    @DELETE
    @Path("/faults")
    public Response clearFaults() {
        faults.clear();
        return ok(faults.state());
    }

    @POST
    @Path("/tokens/expire")
    public Response expireTokens() {
        tokens.expireAll(System.currentTimeMillis());
        return ok(Map.of("active_tokens", 0));
    }

    /** The calls answered after {@code after} (a seq), oldest first; {@code next} is the seq to ask after next time. */
    @GET
    @Path("/calls")
    public Response calls(@QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        int n = limit == null ? 1000 : Math.max(1, Math.min(limit, 10_000));
        long from = after == null ? 0 : after;
        List<CallLog.Call> calls = log.after(from, n);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("calls", calls);
        out.put("next", calls.isEmpty() ? from : calls.get(calls.size() - 1).seq());
        return ok(out);
    }

    /** Stored records as Zoho shows them: the fields of the kind's GET answer, plus those only its list shows. */
    @GET
    @Path("/records/{kind}")
    public Response records(@PathParam("kind") String kind, @QueryParam("page") Integer page,
                            @QueryParam("per_page") Integer perPage) {
        return handle(() -> {
            Store.Kind k = kind(kind);
            int p = page == null ? 1 : page;
            int pp = perPage == null ? MAX_RECORDS_PER_PAGE : perPage;
            if (p < 1 || pp < 1 || pp > MAX_RECORDS_PER_PAGE) {
                throw ZohoException.invalid(p < 1 ? "page" : "per_page");
            }
            Op get = switch (k) {
                case items -> Op.ITEM_GET;
                case contacts -> Op.CONTACT_GET;
                case salesorders -> Op.SALES_ORDER_GET;
                case invoices -> Op.INVOICE_GET;
            };
            Op list = switch (k) {
                case items -> Op.ITEM_LIST;
                case contacts -> Op.CONTACT_LIST;
                case salesorders -> Op.SALES_ORDER_LIST;
                case invoices -> Op.INVOICE_LIST;
            };
            String envelope = switch (k) {
                case items -> "item";
                case contacts -> "contact";
                case salesorders -> "salesorder";
                case invoices -> "invoice";
            };
            JsonNode detail = documents.recordSchema(get.doc, "GET", get.template, 200, envelope);
            JsonNode row = documents.recordSchema(list.doc, "GET", list.template, 200, k.name());
            Store.Page records = store.list(k, r -> true, null, "created_time", false, p, pp);
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (ObjectNode r : records.records()) {
                ObjectNode shaped = (ObjectNode) documents.project(get.doc, detail, r);
                ((ObjectNode) documents.project(list.doc, row, r)).fields()
                        .forEachRemaining(e -> shaped.putIfAbsent(e.getKey(), e.getValue()));
                out.add(shaped);
            }
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.set(k.name(), out);
            answer.putObject("page_context").put("page", p).put("per_page", pp).put("has_more_page", records.hasMore());
            return ok(answer);
        });
    }

    @GET
    @Path("/records/{kind}/count")
    public Response count(@PathParam("kind") String kind) {
        return handle(() -> ok(Map.of("count", store.count(kind(kind)))));
    }

    /** {@code {"items": 20000, "contacts": 5000, "seed": 1}}: adds that many made-up records (seed optional). */
    @POST
    @Path("/seed")
    public Response seed(String body) {
        return handle(() -> {
            JsonNode b = object(body, List.of("items", "contacts", "seed"));
            Integer items = integer(b, "items");
            Integer contacts = integer(b, "contacts");
            Long seed = longValue(b, "seed");
            int i = items == null ? 0 : items;
            int c = contacts == null ? 0 : contacts;
            if (i < 0 || c < 0 || i > 200_000 || c > 200_000) {
                throw ZohoException.invalid(i < 0 || i > 200_000 ? "items" : "contacts", "between 0 and 200000");
            }
            long t0 = System.nanoTime();
            Map<String, Object> out = new LinkedHashMap<>(store.seed(i, c, seed == null ? 1 : seed, System.currentTimeMillis()));
            out.put("millis", (System.nanoTime() - t0) / 1_000_000);
            return ok(out);
        });
    }

    /**
     * {@code {"items": [...], "contacts": [...], "modified_time": "2026-12-01T08:00:00Z"}}: adds these records as they are
     * given (a create's fields; custom fields as a create sends them), created and last modified at {@code modified_time}
     * (default: now), and answers their new ids in the order given. What an organization already holds, e.g. the local
     * run's 10x data (deploy/local/data-10x.sh); a duplicate SKU or contact name refuses the whole call.
     */
    @POST
    @Path("/import")
    public Response importRecords(String body) {
        return handle(() -> {
            JsonNode b = object(body, List.of("items", "contacts", "modified_time"));
            List<ObjectNode> items = objects(b, "items");
            List<ObjectNode> contacts = objects(b, "contacts");
            if (items.size() + contacts.size() > 50_000) {
                throw ZohoException.invalid("items", "at most 50000 records a call");
            }
            long modified = System.currentTimeMillis();
            if (b.hasNonNull("modified_time")) {
                try {
                    modified = java.time.Instant.parse(b.get("modified_time").asText()).toEpochMilli();
                } catch (java.time.format.DateTimeParseException e) {
                    throw ZohoException.invalid("modified_time", "an ISO-8601 instant");
                }
            }
            return ok(store.importRecords(items, contacts, modified));
        });
    }

    private static List<ObjectNode> objects(JsonNode b, String field) {
        JsonNode list = b.get(field);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw ZohoException.invalid(field, "an array of objects");
        }
        List<ObjectNode> out = new java.util.ArrayList<>();
        for (JsonNode n : list) {
            if (!(n instanceof ObjectNode o)) {
                throw ZohoException.invalid(field, "an array of objects");
            }
            out.add(o);
        }
        return out;
    }

    /** Records, call log, counters and faults emptied, limits back to the settings. Tokens stay valid. */
    @POST
    @Path("/reset")
    public Response reset() {
        store.clear();
        log.clear();
        limits.reset();
        faults.clear();
        tokens.resetCounters();
        return state();
    }

    private interface Action {
        Response run();
    }

    private static Response handle(Action action) {
        try {
            return action.run();
        } catch (ZohoException e) {
            return ApiGate.error(e);
        }
    }

    private static Store.Kind kind(String kind) {
        try {
            return Store.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new ZohoException(404, 2, "No such kind of record: " + kind + " (items, contacts, salesorders, invoices)");
        }
    }

    private JsonNode object(String body, List<String> allowed) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        JsonNode b;
        try {
            b = json.readTree(body);
        } catch (Exception e) {
            throw ZohoException.invalid("JSONString", "not JSON");
        }
        if (!b.isObject()) {
            throw ZohoException.invalid("JSONString", "a JSON object is required");
        }
        b.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                throw ZohoException.invalid(f, "unknown field; known: " + allowed);
            }
        });
        return b;
    }

    private static Integer integer(JsonNode b, String f) {
        JsonNode v = b.get(f);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw ZohoException.invalid(f, "a whole number");
        }
        return v.intValue();
    }

    private static Long longValue(JsonNode b, String f) {
        JsonNode v = b.get(f);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            throw ZohoException.invalid(f, "a whole number");
        }
        return v.longValue();
    }

    private static Double decimal(JsonNode b, String f) {
        JsonNode v = b.get(f);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw ZohoException.invalid(f, "a number");
        }
        return v.doubleValue();
    }

    private Response ok(Object body) {
        try {
            return Response.ok(json.writeValueAsString(body), MediaType.APPLICATION_JSON_TYPE).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
