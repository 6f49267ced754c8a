package com.tsh.erp.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Attacks a running service through its own OpenAPI document ({@code /q/openapi}): for every
 * operation it sends a valid request (the baseline), then the same request with one field, query
 * parameter, path parameter or header at a time replaced by hostile values derived from its type
 * ({@link FuzzValues}), then a few malformed requests as a whole, then concurrent duplicates of every
 * unique field and concurrent retries under one {@code Idempotency-Key}. It asserts what the README
 * promises for every request:
 * <ul>
 *   <li>never a 5xx;</li>
 *   <li>every 4xx is {@code application/problem+json} with its status and request id, and a 400 names
 *       the field or parameter that was changed ({@code errors[].field}); 404 only for a path value,
 *       409/412/422 where a valid value meets the service's rules;</li>
 *   <li>a value the document calls invalid, or one the text rules refuse (NUL, lone surrogates, control
 *       characters), is never accepted;</li>
 *   <li>a refused request changes nothing in the database (a digest of every table of the service's
 *       schema before and after it);</li>
 *   <li>of concurrent creates with one unique value exactly one succeeds, the others are 409 naming the
 *       field; concurrent retries with one {@code Idempotency-Key} all get the first answer.</li>
 * </ul>
 * Requests go over a plain socket ({@link RawHttp}), never through REST Assured, so the
 * {@link OpenApiContract} filter does not stop the deliberately invalid ones. Every failure is
 * collected and reported at once ({@link Report#assertClean()}), grouped by kind and operation.
 *
 * <p>What is the service's own is given by its test: how to make a row for a path
 * ({@link #rows}), valid values the document cannot describe ({@link #value}), its unique fields
 * ({@link #unique}). Everything else comes from the document, so a new service gets the suite with
 * one small test class.
 */
public final class ApiFuzzer {

    private static final Logger LOG = Logger.getLogger(ApiFuzzer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT = "/q/openapi?format=json";
    private static final String PROBLEM = "application/problem+json";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** Where a changed value sits, which decides the answers allowed and the name a 400 must give. */
    enum Where {
        BODY(Set.of(400, 409, 412, 413, 422)),
        QUERY(Set.of(400, 409, 412, 414, 422)),
        PATH(Set.of(400, 404, 405, 409, 412, 414, 422)),
        HEADER(Set.of(400, 409, 422, 431)),
        REQUEST(Set.of(400, 413, 414, 415, 431));

        final Set<Integer> allowed;

        Where(Set<Integer> allowed) {
            this.allowed = allowed;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One failed expectation: what was sent where, what came back, and why that is wrong. */
    public record Failure(String kind, String operation, String where, String value, int status, String detail) {
    }

    /** What a run sent and found. */
    public record Report(String service, int requests, int serverErrors, List<Failure> failures) {

        /** The failures grouped by kind and operation, one line each. */
        public String text() {
            StringBuilder b = new StringBuilder();
            b.append("fuzz: ").append(service).append(" sent ").append(requests).append(" requests, ")
                    .append(serverErrors).append(" answered 5xx, ").append(failures.size()).append(" failures\n");
            Map<String, Map<String, List<Failure>>> groups = new TreeMap<>();
            for (Failure f : failures) {
                groups.computeIfAbsent(f.kind(), k -> new TreeMap<>()).computeIfAbsent(f.operation(), k -> new ArrayList<>()).add(f);
            }
            for (var kind : groups.entrySet()) {
                int n = kind.getValue().values().stream().mapToInt(List::size).sum();
                b.append("\n== ").append(kind.getKey()).append(" (").append(n).append(")\n");
                for (var op : kind.getValue().entrySet()) {
                    b.append("  ").append(op.getKey()).append('\n');
                    for (Failure f : op.getValue()) {
                        b.append("    ").append(f.where()).append(" = ").append(f.value())
                                .append(" -> ").append(f.status() == 0 ? "-" : Integer.toString(f.status()))
                                .append(f.detail() == null || f.detail().isEmpty() ? "" : ": " + f.detail()).append('\n');
                    }
                }
            }
            return b.toString();
        }

        /** Fails with every failure, grouped, when there is any. */
        public void assertClean() {
            if (!failures.isEmpty()) {
                String text = text();
                String[] lines = text.split("\n");
                if (lines.length > 400) {
                    text = String.join("\n", List.of(lines).subList(0, 400)) + "\n... " + (lines.length - 400)
                            + " more lines in target/fuzz-" + service + ".txt";
                }
                throw new AssertionError(text);
            }
        }
    }

    private record Param(String name, Where in, JsonNode schema, boolean required) {
    }

    private record Op(String method, String path, List<Param> params, JsonNode body, String bodySchemaName) {
        String id() {
            return method + " " + path;
        }

        boolean writes() {
            return !READS.contains(method);
        }
    }

    /** A place a value is put: a body field (its JSON path in {@code at}), a parameter or the request as a whole. */
    private record Slot(Where where, String name, List<Object> at, JsonNode schema, String schemaName) {
        String label() {
            return where.label() + " " + name;
        }
    }

    private record Unique(String operation, String field, boolean acrossRows, List<UnaryOperator<String>> sameKey) {
    }

    /** Forms of a unique value that a service compares as the same value (for {@link #unique}). */
    public static final UnaryOperator<String> LOWER_CASE = s -> s.toLowerCase(Locale.ROOT);
    public static final UnaryOperator<String> UPPER_CASE = s -> s.toUpperCase(Locale.ROOT);
    public static final UnaryOperator<String> FULL_WIDTH = FuzzValues::fullWidth;
    public static final UnaryOperator<String> WITH_ZERO_WIDTH_SPACE = s -> s.substring(0, 1) + FuzzValues.ZWSP + s.substring(1);

    private static final Slot BASELINE = new Slot(Where.REQUEST, "(valid request)", List.of(), null, null);

    // configuration
    private final String service;
    private Db db = new Db();
    private final Map<String, Supplier<? extends Map<String, ?>>> rows = new LinkedHashMap<>();
    // the project's optimistic lock: every row starts at version 0, and a write names the version it read
    private final Map<String, Supplier<?>> values = new HashMap<>(Map.of("version", () -> 0));
    private final List<Unique> uniques = new ArrayList<>();
    private final Map<String, String> tableDigests = new HashMap<>(Map.of(
            // the relay marks rows sent, retries them and deletes old ones: a refused request must add none
            "tsh_outbox", "select count(*) || ':' || coalesce(max(id), 0) from tsh_outbox"));
    private final Set<String> ignoredTables = new HashSet<>(Set.of("tsh_outbox_lane"));
    private int concurrency = 10;
    private final Map<String, Supplier<String>> headers = new LinkedHashMap<>();
    private final Map<String, Set<Integer>> refusals = new HashMap<>();
    private final List<String> skipped = new ArrayList<>();

    // one run
    private final String tag = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36), 36)
            .toUpperCase(Locale.ROOT);
    private final AtomicLong counter = new AtomicLong();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger decoderRefusals = new AtomicInteger();
    private final List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Map<String, String>> opRows = new HashMap<>();
    private JsonNode doc;
    private OpenApiInteractionValidator validator;
    private RawHttp http;
    private List<String> tables;
    private String digestQuery;

    private ApiFuzzer(String service) {
        this.service = service;
    }

    /** A fuzzer for the service under test (the running {@code @QuarkusTest} application). */
    public static ApiFuzzer of(String service) {
        return new ApiFuzzer(service);
    }

    /** The database to digest (default: the test application's). */
    public ApiFuzzer db(Db db) {
        this.db = db;
        return this;
    }

    /**
     * How to make the row(s) an operation's path parameters name, for every operation whose path
     * starts with {@code pathPrefix} (the longest prefix wins): {@code seed} creates fresh ones and
     * returns each path parameter's value ({@code Map.of("id", productId)}). A row is used until a write
     * to it succeeds, then a fresh one is made, so that each request meets the row as the seed made it.
     */
    public ApiFuzzer rows(String pathPrefix, Supplier<? extends Map<String, ?>> seed) {
        rows.put(pathPrefix, seed);
        return this;
    }

    /**
     * A valid value for a body field or query parameter of this name, where the document cannot say
     * what is valid (a phone number, an e-mail address, the id of an existing row); {@code "Schema.field"}
     * for one schema's field only. Called for every request; a supplier returning null sends null.
     */
    public ApiFuzzer value(String field, Supplier<?> valid) {
        values.put(field, valid);
        return this;
    }

    /**
     * A unique field of an operation's body ({@code "POST /products"}, {@code "sku"}): concurrent
     * requests with one value (on one row of the path) make exactly one success and 409s naming the field,
     * and a later request with that value, or with any of {@code sameKey}'s forms of it (the service
     * compares them as one), is 409 too.
     */
    @SafeVarargs
    public final ApiFuzzer unique(String operation, String field, UnaryOperator<String>... sameKey) {
        uniques.add(new Unique(operation, field, false, List.of(sameKey)));
        return this;
    }

    /** As {@link #unique}, with each request on a row of its own (renames of many rows to one value). */
    @SafeVarargs
    public final ApiFuzzer uniqueAcrossRows(String operation, String field, UnaryOperator<String>... sameKey) {
        uniques.add(new Unique(operation, field, true, List.of(sameKey)));
        return this;
    }

    /** How to digest a table (a query giving one text), for a table that changes on its own. */
    public ApiFuzzer table(String table, String digestQuery) {
        tableDigests.put(table, digestQuery);
        return this;
    }

    /** A table left out of the digest. */
    public ApiFuzzer ignoreTable(String table) {
        ignoredTables.add(table);
        return this;
    }

    /**
     * A header sent with every request (the gateway's {@code Authorization: Bearer ...}); the supplier is
     * called for each request. It is not fuzzed: it is no parameter of the document.
     */
    public ApiFuzzer header(String name, Supplier<String> value) {
        headers.put(name, value);
        return this;
    }

    /**
     * A status an operation ({@code "POST /api/v1/auth/login"}) may also refuse a changed value with, where
     * the rule is the operation's own: a sign-in with another password is 401, whatever field changed. Still a
     * problem+json, and still writing nothing.
     */
    public ApiFuzzer refusal(String operation, int status) {
        refusals.computeIfAbsent(operation, k -> new HashSet<>()).add(status);
        return this;
    }

    /**
     * Leaves out the document's paths that start with this prefix: the gateway's forwarded routes, whose services each
     * fuzz their own API (and which the gateway only passes on), are not attacked a second time through it.
     */
    public ApiFuzzer skip(String pathPrefix) {
        skipped.add(pathPrefix);
        return this;
    }

    /** How many requests race for one unique value (default 10). */
    public ApiFuzzer concurrency(int requests) {
        this.concurrency = requests;
        return this;
    }

    // ================================================================ the run

    /** Runs every check against the running application; logs and writes the report, and returns it. */
    public Report run() {
        long started = System.nanoTime();
        URI base = URI.create(RestAssured.baseURI);
        http = new RawHttp(base.getHost(), RestAssured.port);
        String document = fetchDocument();
        try {
            doc = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document is not JSON", e);
        }
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
        prepareDigest();
        // a service's routes need a token: unless the test gave its own, every request is an admin's (TestTokens),
        // so that the fuzz reaches the operations; the refusals of bad tokens are tested on their own
        if (!headers.containsKey("Authorization") && doc.path("components").path("securitySchemes").has("bearer")) {
            headers.put("Authorization", () -> TestTokens.bearer(TestTokens.admin()));
        }
        List<Op> ops = operations();
        for (Op op : ops) {
            int before = sent.get();
            fuzz(op);
            LOG.debugf("fuzz: %s %s: %d requests", service, op.id(), sent.get() - before);
        }
        requestLevelOnce(ops);
        for (Unique u : uniques) {
            ops.stream().filter(o -> o.id().equals(u.operation())).findFirst().ifPresentOrElse(o -> unique(o, u),
                    () -> fail("unique field of no operation", u.operation(), "body " + u.field(), "-", 0,
                            "the document has no such operation"));
        }
        for (Op op : ops) {
            if (op.params().stream().anyMatch(p -> p.in() == Where.HEADER && p.name().equalsIgnoreCase(IDEMPOTENCY_KEY))) {
                idempotency(op);
            }
        }
        Report report = new Report(service, sent.get(), serverErrors.get(), List.copyOf(failures));
        LOG.infof("fuzz: %s sent %d requests, %d answered 5xx (%d operations, %d failures, %d refused by the HTTP decoder "
                        + "before the application, %d s)", service, report.requests(), report.serverErrors(), ops.size(),
                report.failures().size(), decoderRefusals.get(), (System.nanoTime() - started) / 1_000_000_000L);
        try {
            Path file = Path.of("target", "fuzz-" + service + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report.text());
        } catch (IOException e) {
            LOG.warnf("could not write the fuzz report: %s", e.getMessage());
        }
        return report;
    }

    private void fuzz(Op op) {
        attempt(op, BASELINE, "valid", null, call(op));
        for (Param p : op.params()) {
            Slot slot = new Slot(p.in(), p.name(), List.of(), resolve(p.schema()), null);
            switch (p.in()) {
                case PATH -> {
                    String valid = call(op).path.get(p.name())[1];
                    for (FuzzValues.UrlValue v : FuzzValues.path(slot.schema(), valid)) {
                        Call c = call(op);
                        c.path.put(p.name(), new String[] {v.raw(), v.decoded()});
                        attempt(op, slot, v.label(), v.mustRefuse(), c);
                    }
                }
                case QUERY -> {
                    String valid = text(valid(null, p.name(), p.schema()));
                    List<FuzzValues.UrlValue> list = new ArrayList<>(FuzzValues.query(slot.schema()));
                    list.add(new FuzzValues.UrlValue("valid " + FuzzValues.label(valid), FuzzValues.encode(valid), valid, null));
                    for (FuzzValues.UrlValue v : list) {
                        Call c = call(op);
                        c.query.add(new String[] {FuzzValues.encode(p.name()), v.raw(), p.name(), v.decoded()});
                        // an empty value may stand for the parameter's absence (the validator calls it missing)
                        c.judged = !v.raw().isEmpty();
                        attempt(op, slot, v.label(), v.mustRefuse(), c);
                    }
                    Call twice = call(op);
                    twice.query.add(new String[] {FuzzValues.encode(p.name()), FuzzValues.encode(valid), p.name(), valid});
                    twice.query.add(new String[] {FuzzValues.encode(p.name()), "abc", p.name(), "abc"});
                    twice.judged = false; // the document cannot say which of the two counts
                    attempt(op, slot, "twice (valid, then abc)", null, twice);
                }
                case HEADER -> {
                    List<FuzzValues.UrlValue> list = new ArrayList<>(FuzzValues.header(slot.schema()));
                    String valid = fresh();
                    list.add(new FuzzValues.UrlValue("valid " + valid, valid, valid, null));
                    for (FuzzValues.UrlValue v : list) {
                        Call c = call(op);
                        c.headers.put(p.name(), v.raw());
                        attempt(op, slot, v.label(), v.mustRefuse(), c);
                    }
                }
                default -> {
                }
            }
        }
        if (op.body() != null) {
            for (Slot slot : bodySlots(op)) {
                if (slot.name().endsWith("fuzz_unknown")) {
                    Call c = call(op);
                    c.render(slot.at(), "1");
                    attempt(op, slot, "unknown field", null, c);
                    continue;
                }
                String validItem = null;
                if (FuzzValues.type(slot.schema()).equals("array") && slot.schema().has("items")) {
                    validItem = JSON.valueToTree(valid(slot.schemaName(), slot.name() + "[]", slot.schema().get("items"))).toString();
                }
                for (FuzzValues.BodyValue v : FuzzValues.body(slot.schema(), validItem)) {
                    Call c = call(op);
                    if (!c.render(slot.at(), v.json())) {
                        break; // the baseline holds no value there (a null parent)
                    }
                    attempt(op, slot, v.label(), v.mustRefuse(), c);
                }
                if (slot.at().size() == 1) {
                    Call c = call(op);
                    JsonNode other = valid(slot.schemaName(), slot.name(), slot.schema());
                    String field = (String) slot.at().get(0);
                    JsonNode first = c.body.get(field);
                    c.render(slot.at(), (first == null ? "null" : first.toString()) + "," + FuzzValues.js(field) + ":" + other);
                    attempt(op, slot, "duplicate key", null, c);
                }
            }
        }
        requestLevel(op);
    }

    /** Malformed requests as a whole: bodies that are not the JSON asked for, a wrong content type, bad query names. */
    private void requestLevel(Op op) {
        if (op.body() != null) {
            Map<String, byte[]> bodies = new LinkedHashMap<>();
            bodies.put("malformed JSON", "{\"".getBytes(StandardCharsets.UTF_8));
            bodies.put("empty body", new byte[0]);
            bodies.put("null", "null".getBytes(StandardCharsets.UTF_8));
            bodies.put("an array", "[]".getBytes(StandardCharsets.UTF_8));
            bodies.put("a string", "\"x\"".getBytes(StandardCharsets.UTF_8));
            bodies.put("nesting 100000 deep", "[".repeat(100_000).getBytes(StandardCharsets.UTF_8));
            Call base = call(op);
            bodies.put("trailing garbage", (base.bodyText + " x").getBytes(StandardCharsets.UTF_8));
            bodies.put("two JSON values", (base.bodyText + base.bodyText).getBytes(StandardCharsets.UTF_8));
            String firstString = firstStringField(base.body);
            if (firstString != null) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                String marker = "\"__fuzz_bytes__\"";
                String text = base.copyWith(List.of(firstString), marker);
                int i = text.indexOf(marker);
                b.writeBytes(text.substring(0, i).getBytes(StandardCharsets.UTF_8));
                b.writeBytes(new byte[] {'"', 'F', 'z', (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xC3, '"'});
                b.writeBytes(text.substring(i + marker.length()).getBytes(StandardCharsets.UTF_8));
                bodies.put("invalid UTF-8 in " + firstString, b.toByteArray());
            }
            for (var e : bodies.entrySet()) {
                Call c = call(op);
                c.bytes = e.getValue();
                attempt(op, new Slot(Where.REQUEST, "body", List.of(), null, null), e.getKey(), "malformed body", c);
            }
            Call plain = call(op);
            plain.contentType = "text/plain";
            attempt(op, new Slot(Where.REQUEST, "Content-Type", List.of(), null, null), "text/plain", "not JSON", plain);
            Call none = call(op);
            none.contentType = null;
            attempt(op, new Slot(Where.REQUEST, "Content-Type", List.of(), null, null), "none", null, none);
        }
        if (op.params().stream().anyMatch(p -> p.in() == Where.QUERY)) {
            Slot query = new Slot(Where.REQUEST, "query", List.of(), null, null);
            Call unknown = call(op);
            unknown.query.add(new String[] {"fuzz_unknown", "1", "fuzz_unknown", "1"});
            attempt(op, query, "an unknown parameter", null, unknown);
            Call badName = call(op);
            badName.query.add(new String[] {"%zz", "1", null, null});
            attempt(op, query, "name %zz (bad encoding)", FuzzValues.BAD_ENCODING, badName);
            Call nulName = call(op);
            nulName.query.add(new String[] {"page%00", "1", "page\u0000", "1"});
            attempt(op, query, "name page%00 (NUL)", FuzzValues.NUL, nulName);
            Call semicolons = call(op);
            semicolons.rawQuery = ";;;&&&==";
            attempt(op, query, ";;;&&&==", null, semicolons);
        }
    }

    /** What is refused before any route: a header too large, a URI too long, a body too large (once a service). */
    private void requestLevelOnce(List<Op> ops) {
        Op read = ops.stream().filter(o -> !o.writes()).findFirst().orElse(null);
        if (read != null) {
            Call big = call(read);
            big.headers.put("X-Fuzz", "x".repeat(64 * 1024));
            attempt(read, new Slot(Where.REQUEST, "header X-Fuzz", List.of(), null, null), "64 KB", "header too large", big);
            Call many = call(read);
            for (int i = 0; i < 200; i++) {
                many.headers.put("X-Fuzz-" + i, "x".repeat(100));
            }
            attempt(read, new Slot(Where.REQUEST, "headers", List.of(), null, null), "200 headers of 100 chars", null, many);
            Call longUri = call(read);
            longUri.rawQuery = "fuzz=" + "x".repeat(20_000);
            attempt(read, new Slot(Where.REQUEST, "URI", List.of(), null, null), "20000 chars", "URI too long", longUri);
        }
        Op write = ops.stream().filter(o -> o.body() != null && o.params().stream().noneMatch(p -> p.in() == Where.PATH))
                .findFirst().orElse(ops.stream().filter(o -> o.body() != null).findFirst().orElse(null));
        if (write != null) {
            Call huge = call(write);
            String field = firstStringField(huge.body);
            if (field != null) {
                huge.bytes = huge.copyWith(List.of(field), FuzzValues.js("x".repeat(11 * 1024 * 1024))).getBytes(StandardCharsets.UTF_8);
                attempt(write, new Slot(Where.REQUEST, "body", List.of(), null, null), "11 MB", "body too large", huge);
            }
        }
    }

    // ================================================================ one request

    /** Sends one request and checks its answer; {@code mustRefuse} says why it must be refused, if it must. */
    private void attempt(Op op, Slot slot, String label, String mustRefuse, Call c) {
        Map<String, String> before = op.writes() ? digest() : null;
        String refuse = mustRefuse;
        if (refuse == null && slot != BASELINE) {
            refuse = documentRefuses(c);
        }
        RawHttp.Answer a = send(c);
        check(op, slot, label, refuse, c, a, before);
    }

    private void check(Op op, Slot slot, String label, String refuse, Call c, RawHttp.Answer a, Map<String, String> before) {
        if (a == null) {
            fail("no answer", op.id(), slot.label(), label, 0, "the connection closed or timed out");
            return;
        }
        int status = a.status();
        if (status >= 500) {
            serverErrors.incrementAndGet();
            fail("5xx", op.id(), slot.label(), slot == BASELINE ? c.describe() : label, status, abbreviate(a.body()));
            return;
        }
        if (slot == BASELINE) {
            if (status < 200 || status > 299) {
                fail("valid request refused", op.id(), slot.label(), c.describe(), status, abbreviate(a.body()));
            } else {
                freshRowsAfter(op);
            }
            return;
        }
        if (status >= 400 && refusedByTheDecoder(refuse, a)) {
            decoderRefusals.incrementAndGet(); // documented: no application code runs for these (HttpEdge)
            return;
        }
        if (status >= 400) {
            JsonNode problem = problem(op, slot, label, a);
            if (!slot.where().allowed.contains(status) && !refusals.getOrDefault(op.id(), Set.of()).contains(status)) {
                fail("unexpected 4xx status", op.id(), slot.label(), label, status,
                        problem == null ? abbreviate(a.body()) : problem.path("detail").asText(""));
            } else if (status == 400 && slot.where() != Where.REQUEST && problem != null && !names(slot, problem)) {
                fail("400 does not name the field", op.id(), slot.label(), label, status,
                        "names " + fieldsOf(problem) + ": " + problem.path("detail").asText(""));
            }
            if (before != null) {
                Map<String, String> after = digest();
                if (!after.equals(before)) {
                    List<String> changed = after.keySet().stream().filter(t -> !after.get(t).equals(before.get(t))).toList();
                    fail("refused request wrote to the database", op.id(), slot.label(), label, status, "changed " + changed);
                }
            }
            return;
        }
        if (status >= 300 || status < 200) {
            fail("unexpected status", op.id(), slot.label(), label, status, abbreviate(a.body()));
            return;
        }
        if (refuse != null) {
            fail("accepted a value that must be refused", op.id(), slot.label(), label, status, refuse);
        }
        freshRowsAfter(op);
    }

    /**
     * Whether the answer is the HTTP decoder's own refusal, which never reaches the application and so
     * cannot be a problem: Netty refuses a request line with broken percent-encoding, a NUL byte in a
     * header and a header block past its backstop (64 KiB), and Vert.x answers 400 or 431 with an empty
     * body and no content type (no hook exists in Quarkus; see HttpEdge in service-defaults).
     * Accepted only for those mutations, and only in exactly that form.
     */
    private static boolean refusedByTheDecoder(String refuse, RawHttp.Answer a) {
        boolean decoderCase = FuzzValues.BAD_ENCODING.equals(refuse) || FuzzValues.NUL.equals(refuse) && a.status() == 400
                || "header too large".equals(refuse);
        return decoderCase && (a.status() == 400 || a.status() == 431) && a.body().isEmpty() && a.header("content-type") == null;
    }

    /** The problem of a 4xx answer, or null (and a failure) when the answer is not a proper problem. */
    private JsonNode problem(Op op, Slot slot, String label, RawHttp.Answer a) {
        String type = a.header("content-type");
        String why = null;
        JsonNode problem = null;
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(PROBLEM)) {
            why = "Content-Type " + type + ", body " + abbreviate(a.body());
        } else {
            try {
                problem = JSON.readTree(a.body());
                if (problem == null || !problem.isObject()) {
                    why = "the body is not a JSON object: " + abbreviate(a.body());
                } else if (problem.path("status").asInt() != a.status()) {
                    why = "its status is " + problem.path("status");
                } else if (problem.path("request_id").asText("").isEmpty()) {
                    why = "no request_id: " + abbreviate(a.body());
                }
            } catch (JsonProcessingException e) {
                why = "the body is not JSON: " + abbreviate(a.body());
            }
        }
        if (why != null) {
            fail("4xx is not a problem+json with its request id", op.id(), slot.label(), label, a.status(), why);
        }
        return problem != null && problem.isObject() ? problem : null;
    }

    /** Whether the problem names the slot: its name, an element or field of it, or (for a path value) the path. */
    private static boolean names(Slot slot, JsonNode problem) {
        for (JsonNode e : problem.path("errors")) {
            String f = e.path("field").asText("");
            String n = slot.name();
            switch (slot.where()) {
                case HEADER -> {
                    if (f.equalsIgnoreCase(n)) {
                        return true;
                    }
                }
                case PATH -> {
                    if (f.equals(n) || f.equals("path")) {
                        return true;
                    }
                }
                default -> {
                    if (f.equals(n) || f.startsWith(n + ".") || f.startsWith(n + "[") || n.startsWith(f + ".") || n.startsWith(f + "[")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String fieldsOf(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields.toString();
    }

    /** Why the service's own document calls the request invalid, or null when it does not (or cannot tell). */
    private String documentRefuses(Call c) {
        if (c.bytes != null || !c.judged) {
            return null;
        }
        String path = c.decodedPath();
        if (path == null) {
            return null;
        }
        try {
            SimpleRequest.Builder b = new SimpleRequest.Builder(c.op.method(), path);
            Map<String, List<String>> query = new LinkedHashMap<>();
            for (String[] q : c.query) {
                if (q[2] == null || q[3] == null) {
                    return null;
                }
                query.computeIfAbsent(q[2], k -> new ArrayList<>()).add(q[3]);
            }
            query.forEach(b::withQueryParam);
            c.headers.forEach((k, v) -> b.withHeader(k, v));
            if (c.bodyText != null) {
                b.withBody(c.bodyText);
            }
            if (c.contentType != null && (c.bodyText != null || c.bytes != null)) {
                b.withContentType(c.contentType);
            }
            ValidationReport report = validator.validateRequest(b.build());
            List<String> errors = report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> m.getKey() + ": " + m.getMessage()).toList();
            return errors.isEmpty() ? null : "the document calls it invalid (" + abbreviate(String.join("; ", errors)) + ")";
        } catch (RuntimeException e) {
            return null;
        }
    }

    private RawHttp.Answer send(Call c) {
        sent.incrementAndGet();
        Map<String, String> headers = new LinkedHashMap<>(c.headers);
        byte[] body = c.bytes != null ? c.bytes : c.bodyText == null ? null : c.bodyText.getBytes(StandardCharsets.UTF_8);
        if (body != null && c.contentType != null) {
            headers.put("Content-Type", c.contentType);
        }
        try {
            return http.send(c.op.method(), c.target(), headers, body);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("fuzz: %s %s: %s", c.op.id(), c.target(), e);
            return null;
        }
    }

    private void fail(String kind, String operation, String where, String value, int status, String detail) {
        failures.add(new Failure(kind, operation, where, value, status, detail));
    }

    // ================================================================ unique fields and idempotency keys

    private void unique(Op op, Unique u) {
        JsonNode schema = op.body() == null ? null : resolve(op.body()).path("properties").get(u.field());
        if (schema == null) {
            fail("unique field of no operation", op.id(), "body " + u.field(), "-", 0, "the body has no such field");
            return;
        }
        Slot slot = new Slot(Where.BODY, u.field(), List.of(u.field()), resolve(schema), op.bodySchemaName());
        String value = text(valid(op.bodySchemaName(), u.field(), schema));
        Map<String, String> shared = u.acrossRows() ? null : seed(op);
        List<Callable<RawHttp.Answer>> tasks = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Call c = call(op, u.acrossRows() ? seed(op) : shared);
            c.body.put(u.field(), value);
            c.render(List.of(), null);
            tasks.add(() -> send(c));
        }
        List<RawHttp.Answer> answers;
        try {
            answers = Concurrently.run(concurrency, tasks);
        } catch (Exception e) {
            fail("concurrent duplicates", op.id(), slot.label(), value, 0, e.toString());
            return;
        }
        List<Integer> statuses = answers.stream().map(a -> a == null ? 0 : a.status()).toList();
        if (statuses.stream().filter(s -> s >= 200 && s < 300).count() != 1) {
            fail("concurrent duplicates", op.id(), slot.label(), concurrency + " x " + value, 0,
                    "expected one success and " + (concurrency - 1) + " 409s, got " + statuses);
        }
        String label = concurrency + " concurrent x " + value;
        for (RawHttp.Answer a : answers) {
            if (a == null || a.status() < 200 || a.status() >= 300) {
                expectConflict(op, slot, label, a, null);
            }
        }
        List<UnaryOperator<String>> forms = new ArrayList<>();
        forms.add(UnaryOperator.identity());
        forms.addAll(u.sameKey());
        for (UnaryOperator<String> form : forms) {
            String again = form.apply(value);
            Call c = call(op, u.acrossRows() ? seed(op) : shared);
            c.body.put(u.field(), again);
            c.render(List.of(), null);
            Map<String, String> before = digest();
            expectConflict(op, slot, "again: " + FuzzValues.label(again), send(c), before);
        }
    }

    /** A duplicate: 409 problem+json naming the field, and nothing written. */
    private void expectConflict(Op op, Slot slot, String label, RawHttp.Answer a, Map<String, String> before) {
        if (a == null) {
            fail("no answer", op.id(), slot.label(), label, 0, "the connection closed or timed out");
            return;
        }
        if (a.status() >= 500) {
            serverErrors.incrementAndGet();
            fail("5xx", op.id(), slot.label(), label, a.status(), abbreviate(a.body()));
            return;
        }
        if (a.status() != 409) {
            fail("duplicate not answered 409", op.id(), slot.label(), label, a.status(), abbreviate(a.body()));
            if (a.status() < 300) {
                freshRowsAfter(op);
            }
            return;
        }
        JsonNode problem = problem(op, slot, label, a);
        if (problem != null && !names(slot, problem)) {
            fail("409 does not name the field", op.id(), slot.label(), label, 409, "names " + fieldsOf(problem));
        }
        if (before != null && !digest().equals(before)) {
            fail("refused request wrote to the database", op.id(), slot.label(), label, 409, "a refused duplicate");
        }
    }

    /**
     * Retries racing under one {@code Idempotency-Key} all get the first answer (one write); the key with
     * another request is 422 naming the header, and writes nothing.
     */
    private void idempotency(Op op) {
        Slot slot = new Slot(Where.HEADER, IDEMPOTENCY_KEY, List.of(), null, null);
        Map<String, String> row = seed(op);
        String key = fresh();
        Call first = call(op, row);
        first.headers.put(IDEMPOTENCY_KEY, key);
        List<Callable<RawHttp.Answer>> tasks = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            tasks.add(() -> send(first));
        }
        String label = concurrency + " concurrent retries";
        try {
            List<RawHttp.Answer> answers = Concurrently.run(concurrency, tasks);
            Set<String> distinct = new HashSet<>();
            for (RawHttp.Answer a : answers) {
                if (a != null && a.status() >= 500) {
                    serverErrors.incrementAndGet();
                }
                distinct.add(a == null ? "no answer" : a.status() + " " + a.body());
            }
            if (distinct.size() != 1 || answers.get(0) == null || answers.get(0).status() >= 300) {
                fail("retries with one Idempotency-Key", op.id(), slot.label(), label, 0,
                        "expected one success, the same answer " + concurrency + " times, got " + distinct.stream()
                                .map(ApiFuzzer::abbreviate).toList());
            }
        } catch (Exception e) {
            fail("retries with one Idempotency-Key", op.id(), slot.label(), label, 0, e.toString());
        }
        Call other = call(op, row);
        if (java.util.Objects.equals(other.bodyText, first.bodyText)) {
            return; // nothing to vary: the same request (an operation without a body, on the same row) is a retry
        }
        other.headers.put(IDEMPOTENCY_KEY, key);
        Map<String, String> before = digest();
        RawHttp.Answer a = send(other);
        String what = "the key again with another body";
        if (a == null || a.status() != 422) {
            if (a != null && a.status() >= 500) {
                serverErrors.incrementAndGet();
            }
            fail("Idempotency-Key reused for another request", op.id(), slot.label(), what, a == null ? 0 : a.status(),
                    "expected 422" + (a == null ? "" : ": " + abbreviate(a.body())));
            return;
        }
        JsonNode problem = problem(op, slot, what, a);
        if (problem != null && !names(slot, problem)) {
            fail("422 does not name the field", op.id(), slot.label(), what, 422, "names " + fieldsOf(problem));
        }
        if (!digest().equals(before)) {
            fail("refused request wrote to the database", op.id(), slot.label(), what, 422, "");
        }
    }

    // ================================================================ requests

    /** One request: the operation's valid baseline, which a check then changes in one place. */
    private final class Call {
        final Op op;
        final Map<String, String[]> path = new LinkedHashMap<>(); // name -> {raw, decoded}
        final List<String[]> query = new ArrayList<>(); // {raw name, raw value, decoded name, decoded value}
        final Map<String, String> headers = new LinkedHashMap<>();
        ObjectNode body;
        String bodyText;
        byte[] bytes;
        String rawQuery;
        String contentType = "application/json";
        boolean judged = true;

        Call(Op op, Map<String, String> rowValues) {
            this.op = op;
            ApiFuzzer.this.headers.forEach((name, value) -> headers.put(name, value.get()));
            for (Param p : op.params()) {
                if (p.in() == Where.PATH) {
                    String v = rowValues.getOrDefault(p.name(), "1");
                    path.put(p.name(), new String[] {FuzzValues.encode(v), v});
                } else if (p.required() && p.in() == Where.QUERY) {
                    String v = text(valid(null, p.name(), p.schema()));
                    query.add(new String[] {FuzzValues.encode(p.name()), FuzzValues.encode(v), p.name(), v});
                } else if (p.required() && p.in() == Where.HEADER) {
                    headers.put(p.name(), text(valid(null, p.name(), p.schema())));
                }
            }
            if (op.body() != null) {
                body = (ObjectNode) valid(op.bodySchemaName(), null, op.body());
                bodyText = body.toString();
            }
        }

        /**
         * Puts {@code json} (a JSON text) at the field {@code at} of the baseline body, or leaves the
         * field out when json is null; false when the baseline has no object or array there.
         */
        boolean render(List<Object> at, String json) {
            if (at.isEmpty()) {
                bodyText = body.toString();
                return true;
            }
            String text = copyWith(at, json);
            if (text == null) {
                return false;
            }
            bodyText = text;
            return true;
        }

        String copyWith(List<Object> at, String json) {
            ObjectNode copy = body.deepCopy();
            JsonNode parent = copy;
            for (Object step : at.subList(0, at.size() - 1)) {
                parent = step instanceof Integer i ? parent.path(i) : parent.path((String) step);
            }
            Object last = at.get(at.size() - 1);
            String placeholder = "__fuzz_" + tag + "__";
            if (parent instanceof ObjectNode o && last instanceof String name) {
                if (json == null) {
                    o.remove(name);
                } else {
                    o.set(name, TextNode.valueOf(placeholder));
                }
            } else if (parent instanceof ArrayNode a && last instanceof Integer i && i < a.size()) {
                if (json == null) {
                    a.remove(i);
                } else {
                    a.set(i, TextNode.valueOf(placeholder));
                }
            } else {
                return null;
            }
            String text = copy.toString();
            return json == null ? text : text.replace("\"" + placeholder + "\"", json);
        }

        String target() {
            String p = op.path();
            for (var e : path.entrySet()) {
                p = p.replace("{" + e.getKey() + "}", e.getValue()[0]);
            }
            List<String> q = new ArrayList<>();
            for (String[] x : query) {
                q.add(x[0] + "=" + x[1]);
            }
            if (rawQuery != null) {
                q.add(rawQuery);
            }
            return q.isEmpty() ? p : p + "?" + String.join("&", q);
        }

        String decodedPath() {
            String p = op.path();
            for (var e : path.entrySet()) {
                if (e.getValue()[1] == null) {
                    return null;
                }
                p = p.replace("{" + e.getKey() + "}", e.getValue()[1]);
            }
            return rawQuery == null ? p : null;
        }

        String describe() {
            return op.method() + " " + target() + (bodyText == null ? "" : " " + abbreviate(bodyText));
        }
    }

    private Call call(Op op) {
        return new Call(op, rowsFor(op));
    }

    private Call call(Op op, Map<String, String> rowValues) {
        return new Call(op, rowValues);
    }

    private Map<String, String> rowsFor(Op op) {
        if (op.params().stream().noneMatch(p -> p.in() == Where.PATH)) {
            return Map.of();
        }
        return opRows.computeIfAbsent(op.id(), k -> seed(op));
    }

    /** A write that succeeded changed its row: the next request of the operation gets a fresh one. */
    private void freshRowsAfter(Op op) {
        if (op.writes()) {
            opRows.remove(op.id());
        }
    }

    private Map<String, String> seed(Op op) {
        if (op.params().stream().noneMatch(p -> p.in() == Where.PATH)) {
            return Map.of();
        }
        String best = null;
        for (String prefix : rows.keySet()) {
            boolean matches = op.path().equals(prefix) || op.path().startsWith(prefix + "/");
            if (matches && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        if (best == null) {
            fail("no rows for a path", op.id(), "path", "-", 0, "give ApiFuzzer.rows(\"<path prefix>\", seed) for it");
            rows.put(op.path(), Map::of);
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        rows.get(best).get().forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    // ================================================================ valid values

    private String fresh() {
        return "Fz" + tag + counter.incrementAndGet();
    }

    /** A valid value for a field: the test's own, else one from the schema (default, enum, bounds, pattern). */
    private JsonNode valid(String schemaName, String field, JsonNode schema) {
        if (field != null) {
            Supplier<?> own = schemaName == null ? null : values.get(schemaName + "." + field);
            own = own != null ? own : values.get(field);
            if (own != null) {
                return JSON.valueToTree(own.get());
            }
        }
        String ownName = refName(schema);
        JsonNode s = resolve(schema);
        if (s.has("default") && !s.get("default").isNull()) {
            return s.get("default");
        }
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        switch (FuzzValues.type(s)) {
            case "integer" -> {
                return LongNode.valueOf(clamp(s, BigDecimal.ONE).longValue());
            }
            case "number" -> {
                return DecimalNode.valueOf(clamp(s, BigDecimal.ONE));
            }
            case "boolean" -> {
                return BooleanNode.TRUE;
            }
            case "array" -> {
                ArrayNode a = JSON.createArrayNode();
                int n = Math.max(1, s.path("minItems").asInt(1));
                for (int i = 0; i < n && s.has("items"); i++) {
                    a.add(valid(schemaName, field == null ? null : field + "[]", s.get("items")));
                }
                return a;
            }
            case "object" -> {
                ObjectNode o = JSON.createObjectNode();
                String name = ownName != null ? ownName : schemaName;
                for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    o.set(p.getKey(), valid(name, p.getKey(), p.getValue()));
                }
                return o;
            }
            default -> {
                return TextNode.valueOf(validString(s));
            }
        }
    }

    private static BigDecimal clamp(JsonNode s, BigDecimal v) {
        if (s.has("minimum") && s.get("minimum").decimalValue().compareTo(v) > 0) {
            v = s.get("minimum").decimalValue();
        }
        if (s.has("maximum") && s.get("maximum").decimalValue().compareTo(v) < 0) {
            v = s.get("maximum").decimalValue();
        }
        return v;
    }

    private String validString(JsonNode s) {
        String format = s.path("format").asText("");
        String id = fresh();
        switch (format) {
            case "date" -> {
                return LocalDate.now().toString();
            }
            case "date-time" -> {
                return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            }
            case "email" -> {
                return id.toLowerCase(Locale.ROOT) + "@example.com";
            }
            case "uri", "url" -> {
                return "https://example.com/" + id;
            }
            case "uuid" -> {
                return UUID.randomUUID().toString();
            }
            default -> {
            }
        }
        List<String> candidates = List.of(id, "https://example.com/" + id, Long.toString(counter.incrementAndGet()),
                id.toLowerCase(Locale.ROOT) + "@example.com");
        for (String c : candidates) {
            if (fits(s, c)) {
                return c;
            }
        }
        int max = s.path("maxLength").asInt(Integer.MAX_VALUE);
        return id.length() > max ? id.substring(id.length() - max) : id;
    }

    private static boolean fits(JsonNode s, String v) {
        if (s.has("maxLength") && v.length() > s.get("maxLength").asInt()) {
            return false;
        }
        if (s.has("minLength") && v.length() < s.get("minLength").asInt()) {
            return false;
        }
        return !s.has("pattern") || Pattern.compile(s.get("pattern").asText()).matcher(v).find();
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.isTextual() ? n.asText() : n.toString();
    }

    // ================================================================ the document

    private String fetchDocument() {
        try {
            RawHttp.Answer a = http.send("GET", DOCUMENT, Map.of(), null);
            if (a.status() != 200) {
                throw new IllegalStateException("GET " + DOCUMENT + " answered " + a.status());
            }
            return a.body();
        } catch (IOException e) {
            throw new IllegalStateException("could not read the OpenAPI document", e);
        }
    }

    private List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> item = it.next();
            if (skipped.stream().anyMatch(item.getKey()::startsWith)) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode node = item.getValue().get(method);
                if (node == null) {
                    continue;
                }
                Map<String, Param> params = new LinkedHashMap<>();
                for (JsonNode source : List.of(item.getValue().path("parameters"), node.path("parameters"))) {
                    for (JsonNode raw : source) {
                        JsonNode p = resolve(raw);
                        Where in = switch (p.path("in").asText()) {
                            case "path" -> Where.PATH;
                            case "query" -> Where.QUERY;
                            case "header" -> Where.HEADER;
                            default -> null;
                        };
                        if (in != null) {
                            params.put(p.path("in").asText() + ":" + p.path("name").asText(),
                                    new Param(p.path("name").asText(), in, p.path("schema"), p.path("required").asBoolean(false)));
                        }
                    }
                }
                JsonNode body = null;
                String bodyName = null;
                JsonNode schema = resolve(node.path("requestBody")).path("content").path("application/json").path("schema");
                if (!schema.isMissingNode()) {
                    bodyName = refName(schema);
                    body = resolve(schema);
                    if (!FuzzValues.type(body).equals("object")) {
                        body = null; // the fuzzer builds object bodies only
                    }
                }
                ops.add(new Op(method.toUpperCase(Locale.ROOT), item.getKey(), List.copyOf(params.values()), body, bodyName));
            }
        }
        return ops;
    }

    private List<Slot> bodySlots(Op op) {
        List<Slot> out = new ArrayList<>();
        bodySlots(op.bodySchemaName(), op.body(), List.of(), "", out, 0);
        return out;
    }

    private void bodySlots(String schemaName, JsonNode schema, List<Object> at, String prefix, List<Slot> out, int depth) {
        JsonNode s = resolve(schema);
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String name = prefix + p.getKey();
            List<Object> here = append(at, p.getKey());
            JsonNode ps = resolve(p.getValue());
            String childName = refName(p.getValue()) != null ? refName(p.getValue()) : schemaName;
            out.add(new Slot(Where.BODY, name, here, ps, schemaName));
            if (depth >= 3) {
                continue;
            }
            String type = FuzzValues.type(ps);
            if (type.equals("object")) {
                bodySlots(childName, ps, here, name + ".", out, depth + 1);
            } else if (type.equals("array") && ps.has("items")) {
                JsonNode items = resolve(ps.get("items"));
                List<Object> first = append(here, 0);
                String itemName = refName(ps.get("items")) != null ? refName(ps.get("items")) : schemaName;
                out.add(new Slot(Where.BODY, name + "[0]", first, items, itemName));
                if (FuzzValues.type(items).equals("object")) {
                    bodySlots(itemName, items, first, name + "[0].", out, depth + 1);
                }
            }
        }
        if (s.path("additionalProperties").isBoolean() && !s.get("additionalProperties").asBoolean()) {
            out.add(new Slot(Where.BODY, prefix + "fuzz_unknown", append(at, "fuzz_unknown"), JSON.createObjectNode(), schemaName));
        }
    }

    private static List<Object> append(List<Object> list, Object step) {
        List<Object> out = new ArrayList<>(list);
        out.add(step);
        return List.copyOf(out);
    }

    private JsonNode resolve(JsonNode n) {
        for (int i = 0; i < 20 && n != null && n.has("$ref"); i++) {
            n = doc.at(n.get("$ref").asText().substring(1));
        }
        if (n != null && n.has("allOf")) {
            ObjectNode merged = JSON.createObjectNode();
            ObjectNode properties = JSON.createObjectNode();
            ArrayNode required = JSON.createArrayNode();
            List<JsonNode> parts = new ArrayList<>();
            n.get("allOf").forEach(parts::add);
            parts.add(n);
            for (JsonNode part : parts) {
                JsonNode r = part == n ? n : resolve(part);
                r.fields().forEachRemaining(e -> {
                    switch (e.getKey()) {
                        case "allOf" -> {
                        }
                        case "properties" -> properties.setAll((ObjectNode) e.getValue());
                        case "required" -> required.addAll((ArrayNode) e.getValue());
                        default -> merged.set(e.getKey(), e.getValue());
                    }
                });
            }
            merged.set("properties", properties);
            merged.set("required", required);
            return merged;
        }
        return n == null ? JSON.createObjectNode() : n;
    }

    private static String refName(JsonNode n) {
        if (n == null || !n.has("$ref")) {
            return null;
        }
        String ref = n.get("$ref").asText();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static String firstStringField(ObjectNode body) {
        if (body == null) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isTextual()) {
                return e.getKey();
            }
        }
        return null;
    }

    // ================================================================ the database digest

    private void prepareDigest() {
        tables = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String t = rs.getString(1);
                if (!ignoredTables.contains(t) && !t.endsWith("schema_history")) {
                    tables.add(t);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        digestQuery = "select " + tables.stream().map(t -> "(" + tableDigests.getOrDefault(t,
                        "select count(*) || ':' || coalesce(sum(hashtextextended(x::text, 0)), 0) from \"" + t + "\" x") + ")")
                .collect(Collectors.joining(", "));
    }

    /** Per table, a digest of its rows (count and a hash of every row). */
    private Map<String, String> digest() {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(digestQuery);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i < tables.size(); i++) {
                out.put(tables.get(i), rs.getString(i + 1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replace('\n', ' ');
        return one.length() > 300 ? one.substring(0, 300) + "..." : one;
    }
}
