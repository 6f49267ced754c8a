package com.tsh.erp.catalog.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tsh.erp.catalog.api.ProductRequests.CreateProduct;
import com.tsh.erp.catalog.config.CatalogConfig;
import com.tsh.erp.catalog.domain.Product;
import com.tsh.erp.catalog.service.ProductInput;
import com.tsh.erp.catalog.service.ProductWrites;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Problem;
import com.tsh.erp.defaults.TextRules;
import com.tsh.erp.jobs.JobContext;
import com.tsh.erp.jobs.JobFailure;
import com.tsh.erp.jobs.JobHandler;
import com.tsh.erp.jobs.Jobs;
import com.tsh.erp.jobs.files.TableFile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The products import job ({@code products-import}); what a file may hold is described on
 * {@link ProductImportResource}. Two passes over the uploaded file (kept in the database by the jobs library):
 * <ol>
 *   <li>read every row ({@link TableFile}) and check what a row can say on its own: the header names known columns,
 *       each cell has its column's type, no SKU comes twice. A file that cannot be read at all (not UTF-8, a broken
 *       workbook, a zip bomb, no {@code sku} column, too many rows) fails the job here, before anything is changed.</li>
 *   <li>apply the rows in batches ({@code tsh.catalog.imports.batch-size}), each in one transaction through
 *       {@link ProductWrites}, the same code as the API (same checks, events in the outbox, caches made stale): a row
 *       whose SKU exists updates that product, else it creates one; the merged product is validated with the API's own
 *       rules. A row that would change nothing is not written (no new version, no event), so importing an export
 *       back changes nothing. A batch that fails as a whole is applied again row by row, so one bad row costs only
 *       itself. A dry run does all of this and rolls every batch back.</li>
 * </ol>
 * The result file lists each refused row (row, sku, field, value, reason); {@code counts} says rows, created,
 * updated, unchanged, refused. A checkpoint after each committed batch lets a worker that takes the job over go on
 * from the next row; the refusals found before it are counted but not listed again (the file says so).
 */
@ApplicationScoped
public class ProductImport implements JobHandler {

    public static final String KIND = "products-import";
    static final String ERRORS = "text/csv; charset=UTF-8";
    private static final Set<String> COLUMNS = Set.copyOf(ProductExport.COLUMNS);
    private static final Pattern CAMEL = Pattern.compile("([a-z])([A-Z])");

    @Inject
    CatalogConfig config;
    @Inject
    ProductWrites writes;
    @Inject
    EntityManager em;
    @Inject
    Validator validator;

    @Override
    public String kind() {
        return KIND;
    }

    /** A refused row: where, which field, what it held, why. */
    record Refusal(int row, String sku, String field, String value, String reason) {
    }

    /** A row that passed the first pass: its SKU and the values of the columns the file has (null: an empty cell). */
    record Line(int row, String sku, Map<String, Object> values) {
        boolean has(String column) {
            return values.containsKey(column);
        }

        Object get(String column) {
            return values.get(column);
        }
    }

    @Override
    public void run(JobContext job) throws Exception {
        Jobs.Input input = job.input().orElseThrow(() -> new JobFailure("the uploaded file is no longer here; upload it again"));
        boolean dry = job.params().path("dry_run").asBoolean(false);
        TableFile.Format format = "xlsx".equals(job.params().path("format").asText()) ? TableFile.Format.XLSX : TableFile.Format.CSV;
        List<Refusal> refusals = new ArrayList<>();
        List<Line> lines = read(input.data(), format, refusals);

        JsonNode checkpoint = job.checkpoint().orElse(null);
        int from = checkpoint == null ? 0 : checkpoint.path("next_row").asInt(0);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String c : List.of("rows", "created", "updated", "unchanged", "refused")) {
            counts.put(c, checkpoint == null ? 0L : checkpoint.path(c).asLong(0));
        }
        long total = lines.size() + refusals.size();
        counts.put("rows", total);
        long unreadable = rows(refusals);
        // a take-over: the first attempt counted every row the first pass refused, and listed none yet
        counts.put("refused", checkpoint == null ? unreadable : counts.get("refused"));
        refusals.removeIf(r -> r.row() < from); // rows an earlier attempt's batches went past
        List<Line> todo = lines.stream().filter(l -> l.row() >= from).toList();
        long done = total - todo.size();
        report(job, counts, done, total, dry);

        int batch = config.imports().batchSize();
        for (int i = 0; i < todo.size(); i += batch) {
            List<Line> part = todo.subList(i, Math.min(todo.size(), i + batch));
            List<Refusal> found = apply(part, dry, job.startedBy(), counts);
            refusals.addAll(found);
            counts.merge("refused", rows(found), Long::sum);
            done += part.size();
            if (dry) {
                report(job, counts, done, total, true);
            } else {
                ObjectNode state = JsonNodeFactory.instance.objectNode().put("next_row", part.get(part.size() - 1).row() + 1);
                counts.forEach(state::put);
                counts.forEach(job::count);
                job.checkpoint(state, done, total, message(counts, false));
            }
        }
        report(job, counts, total, total, dry);
        if (!refusals.isEmpty() || from > 0) {
            writeRefusals(job, refusals, from, counts.get("refused"));
        }
    }

    /** How many rows these refusals are about (a row may be refused for several fields). */
    private static long rows(List<Refusal> refusals) {
        return refusals.stream().mapToInt(Refusal::row).distinct().count();
    }

    private static void report(JobContext job, Map<String, Long> counts, long done, long total, boolean dry) {
        counts.forEach(job::count);
        job.progress(done, total, message(counts, dry));
    }

    private static String message(Map<String, Long> c, boolean dry) {
        return (dry ? "dry run (nothing changed): would create " : "created ") + c.get("created") + ", "
                + (dry ? "would update " : "updated ") + c.get("updated") + ", unchanged " + c.get("unchanged")
                + ", refused " + c.get("refused") + " of " + c.get("rows") + " rows";
    }

    // ------------------------------------------------------------------ pass 1: read and check each row

    List<Line> read(byte[] data, TableFile.Format format, List<Refusal> refusals) {
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[][] header = new String[1][];
        TableFile.read(data, format, config.imports().maxRows(), row -> {
            if (header[0] == null) {
                header[0] = header(row);
                return;
            }
            String[] columns = header[0];
            Map<String, Object> values = new LinkedHashMap<>();
            String sku = TableFile.unescape(row.cell(indexOf(columns, "sku")).strip());
            int before = refusals.size();
            for (int c = 0; c < columns.length; c++) {
                if (columns[c] != null && !columns[c].equals("sku")) {
                    String raw = row.cell(c);
                    try {
                        values.put(columns[c], value(columns[c], raw));
                    } catch (IllegalArgumentException e) {
                        refusals.add(new Refusal(row.number(), sku, columns[c], shown(raw), e.getMessage()));
                    }
                }
            }
            String skuProblem = sku.isEmpty() ? "is required" : TextRules.problem(sku);
            if (skuProblem == null && TableFile.FORMULA.equals(row.cell(indexOf(columns, "sku")))) {
                skuProblem = "is a formula; type the value (formulas are never evaluated)";
            }
            if (skuProblem != null) {
                refusals.add(new Refusal(row.number(), sku, "sku", shown(sku), skuProblem));
            } else {
                Integer first = seen.putIfAbsent(sku.toLowerCase(Locale.ROOT), row.number());
                if (first != null) {
                    refusals.add(new Refusal(row.number(), sku, "sku", sku, "comes again; row " + first + " has it already"));
                }
            }
            if (refusals.size() == before) {
                lines.add(new Line(row.number(), sku, values));
            }
        });
        if (header[0] == null) {
            throw new TableFile.BadFile("the file is empty: it needs a header row (sku, name, name_ar, ...) and rows");
        }
        return lines;
    }

    /** The column each cell of the header names (null for none), or the file is refused. */
    private static String[] header(TableFile.Row row) {
        String[] columns = new String[row.cells().size()];
        Set<String> named = new HashSet<>();
        for (int c = 0; c < columns.length; c++) {
            String name = row.cell(c).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!COLUMNS.contains(name)) {
                throw new TableFile.BadFile("the header names a column this import does not know: \"" + shown(row.cell(c))
                        + "\" (column " + (c + 1) + "); the columns are " + String.join(", ", ProductExport.COLUMNS));
            }
            if (!named.add(name)) {
                throw new TableFile.BadFile("the header names the column " + name + " twice");
            }
            columns[c] = name;
        }
        if (!named.contains("sku")) {
            throw new TableFile.BadFile("the header has no sku column (row 1 must name the columns: "
                    + String.join(", ", ProductExport.COLUMNS) + ")");
        }
        return columns;
    }

    private static int indexOf(String[] columns, String name) {
        for (int i = 0; i < columns.length; i++) {
            if (name.equals(columns[i])) {
                return i;
            }
        }
        return -1;
    }

    /** A cell as its column's type; null for an empty cell; IllegalArgumentException saying why it is refused. */
    static Object value(String column, String raw) {
        if (TableFile.FORMULA.equals(raw)) {
            throw new IllegalArgumentException("is a formula; type the value (formulas are never evaluated)");
        }
        String text = TableFile.unescape(raw).strip();
        String problem = TextRules.problem(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (text.isEmpty()) {
            return null;
        }
        return switch (column) {
            case "name", "name_ar", "unit" -> text;
            case "category_id" -> {
                try {
                    yield Long.valueOf(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("is not a category id (a whole number)");
                }
            }
            case "stock_on_hand", "reorder_level" -> {
                try {
                    yield Integer.valueOf(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("is not a whole number");
                }
            }
            case "retail_price", "wholesale_price", "cost_price" -> money(text);
            case "active" -> switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1", "نعم" -> Boolean.TRUE;
                case "false", "no", "0", "لا" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("must be true or false (yes/no, 1/0, نعم/لا)");
            };
            default -> throw new IllegalStateException("no type for column " + column);
        };
    }

    /** A price: 12.50; with one comma and at most two digits after it (a semicolon CSV's 12,50) also taken. */
    private static BigDecimal money(String text) {
        String plain = text;
        int comma = text.indexOf(',');
        if (comma >= 0) {
            if (text.indexOf('.') >= 0 || text.indexOf(',', comma + 1) >= 0 || text.length() - comma - 1 > 2) {
                throw new IllegalArgumentException("is not a plain amount (write 1250.50: no thousands separators)");
            }
            plain = text.replace(',', '.');
        }
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not an amount (write 1250.50)");
        }
    }

    private static String shown(String raw) {
        String v = TableFile.FORMULA.equals(raw) ? "(formula)" : raw;
        return v.length() > 100 ? v.substring(0, 100) + "…" : v;
    }

    // ------------------------------------------------------------------ pass 2: apply in batches

    /** Applies one batch in one transaction (rolled back on a dry run); row by row if the batch fails as a whole. */
    private List<Refusal> apply(List<Line> batch, boolean dry, String actor, Map<String, Long> counts) {
        Map<String, Long> tally = new HashMap<>();
        try {
            List<Refusal> refused = transaction(dry, () -> applyAll(batch, actor, tally));
            tally.forEach((k, v) -> counts.merge(k, v, Long::sum));
            return refused;
        } catch (RuntimeException batchFailed) {
            List<Refusal> refused = new ArrayList<>();
            for (Line line : batch) {
                Map<String, Long> one = new HashMap<>();
                try {
                    refused.addAll(transaction(dry, () -> applyAll(List.of(line), actor, one)));
                    one.forEach((k, v) -> counts.merge(k, v, Long::sum));
                } catch (RuntimeException e) {
                    refused.add(refusal(line, e));
                }
            }
            return refused;
        }
    }

    /** The work's answer after a new transaction: committed, or (dry run) rolled back. */
    private static List<Refusal> transaction(boolean dry, java.util.function.Supplier<List<Refusal>> work) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                List<Refusal> answer = work.get();
                if (dry) {
                    throw new DryRun(answer); // rolls the transaction back and carries the answer out
                }
                return answer;
            });
        } catch (DryRun d) {
            return d.answer;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof DryRun d) {
                return d.answer;
            }
            throw e;
        }
    }

    private static final class DryRun extends RuntimeException {
        final List<Refusal> answer;

        DryRun(List<Refusal> answer) {
            super("dry run", null, false, false);
            this.answer = answer;
        }
    }

    private List<Refusal> applyAll(List<Line> batch, String actor, Map<String, Long> tally) {
        List<String> skus = batch.stream().map(l -> l.sku().toLowerCase(Locale.ROOT)).toList();
        Map<String, Product> existing = new HashMap<>();
        for (Product p : em.createQuery("select p from Product p where lower(p.sku) in :skus", Product.class)
                .setParameter("skus", skus).getResultList()) {
            existing.put(p.sku.toLowerCase(Locale.ROOT), p);
        }
        Set<Long> wanted = new HashSet<>();
        batch.forEach(l -> {
            if (l.get("category_id") instanceof Long id) {
                wanted.add(id);
            }
        });
        Set<Long> categories = wanted.isEmpty() ? Set.of() : new HashSet<>(em.createQuery(
                "select c.id from Category c where c.id in :ids", Long.class).setParameter("ids", wanted).getResultList());
        List<Refusal> refused = new ArrayList<>();
        for (Line line : batch) {
            Product p = existing.get(line.sku().toLowerCase(Locale.ROOT));
            CreateProduct merged = merge(p, line);
            List<Refusal> wrong = check(line, merged, p == null);
            if (merged.categoryId != null && !categories.contains(merged.categoryId) && line.has("category_id")) {
                wrong.add(new Refusal(line.row(), line.sku(), "category_id", String.valueOf(merged.categoryId),
                        "category " + merged.categoryId + " does not exist"));
            }
            if (!wrong.isEmpty()) {
                refused.addAll(wrong);
                continue;
            }
            ProductInput in = new ProductInput(merged.sku, merged.name, merged.nameAr, merged.description,
                    merged.descriptionAr, merged.categoryId, merged.unit, merged.retailPrice, merged.wholesalePrice,
                    merged.costPrice, merged.reorderLevel, line.has("active") ? (Boolean) line.get("active") : null,
                    merged.imageUrls, merged.zohoItemId);
            if (p == null) {
                writes.create(in, merged.stockOnHand, actor);
                tally.merge("created", 1L, Long::sum);
            } else if (same(p, in)) {
                tally.merge("unchanged", 1L, Long::sum);
                continue;
            } else {
                writes.update(p.id, p.version, in, actor);
                tally.merge("updated", 1L, Long::sum);
            }
            // each write flushes; without this every later flush of the batch would check every product written
            // before it (measured: 20,000 rows took 112 s with it, see BENCHMARKS.md). The batch's other products
            // are read again by id when their turn comes.
            em.flush();
            em.clear();
        }
        return refused;
    }

    /** The product as it would be: what it has now, with the file's columns put over it. */
    private static CreateProduct merge(Product p, Line line) {
        CreateProduct m = new CreateProduct();
        m.sku = line.sku();
        if (p != null) {
            m.name = p.name;
            m.nameAr = p.nameAr;
            m.description = p.description;
            m.descriptionAr = p.descriptionAr;
            m.categoryId = p.categoryId;
            m.unit = p.unit;
            m.retailPrice = p.retailPrice;
            m.wholesalePrice = p.wholesalePrice;
            m.costPrice = p.costPrice;
            m.reorderLevel = p.reorderLevel;
            m.imageUrls = List.copyOf(p.imageUrls);
            m.zohoItemId = p.zohoItemId;
        }
        if (line.has("name")) {
            m.name = (String) line.get("name");
        }
        if (line.has("name_ar")) {
            m.nameAr = (String) line.get("name_ar");
        }
        if (line.has("category_id")) {
            m.categoryId = (Long) line.get("category_id");
        }
        if (line.get("unit") != null) {
            m.unit = (String) line.get("unit");
        }
        if (line.has("retail_price")) {
            m.retailPrice = (BigDecimal) line.get("retail_price");
        }
        if (line.has("wholesale_price")) {
            m.wholesalePrice = (BigDecimal) line.get("wholesale_price");
        }
        if (line.has("cost_price")) {
            m.costPrice = (BigDecimal) line.get("cost_price");
        }
        if (line.get("reorder_level") != null) {
            m.reorderLevel = (Integer) line.get("reorder_level");
        }
        if (p == null) {
            m.stockOnHand = (Integer) line.get("stock_on_hand");
        }
        return m;
    }

    /** The API's own rules on the merged product, each broken one as a refusal naming the file's column. */
    private List<Refusal> check(Line line, CreateProduct merged, boolean creating) {
        List<Refusal> wrong = new ArrayList<>();
        for (ConstraintViolation<CreateProduct> v : validator.validate(merged)) {
            String field = CAMEL.matcher(v.getPropertyPath().toString()).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
            String reason = v.getMessage();
            if (v.getInvalidValue() == null || (v.getInvalidValue() instanceof String s && s.isBlank())) {
                reason = line.has(field) ? "must not be empty" : creating
                        ? "is required for a new product (the file has no " + field + " column)" : reason;
            }
            wrong.add(new Refusal(line.row(), line.sku(), field, v.getInvalidValue() == null ? "" : shown(String.valueOf(v.getInvalidValue())), reason));
        }
        wrong.sort(java.util.Comparator.comparing(Refusal::field));
        return wrong;
    }

    private static boolean same(Product p, ProductInput in) {
        return p.sku.equals(in.sku().strip()) && p.name.equals(in.name().strip()) && p.nameAr.equals(in.nameAr().strip())
                && Objects.equals(p.categoryId, in.categoryId()) && p.unit.equals(in.unit())
                && equal(p.retailPrice, in.retailPrice()) && equal(p.wholesalePrice, in.wholesalePrice())
                && equal(p.costPrice, in.costPrice()) && p.reorderLevel == in.reorderLevel()
                && (in.active() == null || p.active == in.active());
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** A row the service refused while applying it (a conflict another writer made meanwhile). */
    private static Refusal refusal(Line line, RuntimeException e) {
        Throwable t = e;
        while (t != null && !(t instanceof ApiException)) {
            t = t.getCause();
        }
        if (t instanceof ApiException api) {
            Problem.FieldError first = api.errors().isEmpty() ? null : api.errors().get(0);
            return new Refusal(line.row(), line.sku(), first == null ? "" : first.field(), "",
                    first == null ? api.getMessage() : first.message());
        }
        throw e; // not the row's fault: the job fails with the general message, and its log has the cause
    }

    // ------------------------------------------------------------------ the result: the refused rows

    private static void writeRefusals(JobContext job, List<Refusal> refusals, int from, long refused) throws Exception {
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm"));
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(job.result("products-import-refused-" + stamp
                + ".csv", ERRORS), StandardCharsets.UTF_8));
             CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            w.write('\uFEFF');
            out.printRecord("row", "sku", "field", "value", "reason");
            if (from > 0) {
                out.printRecord("", "", "", "", "rows before " + from + " were checked by an earlier attempt of this job;"
                        + " their refusals are counted (" + (refused - rows(refusals)) + " rows) but not listed here");
            }
            for (Refusal r : refusals.stream().sorted(java.util.Comparator.comparingInt(Refusal::row)).toList()) {
                out.printRecord(r.row(), TableFile.escape(r.sku()), r.field(), TableFile.escape(r.value()), r.reason());
            }
        }
    }
}
