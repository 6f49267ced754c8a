package com.tsh.erp.jobs.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Problem;
import com.tsh.erp.defaults.TextRules;
import com.tsh.erp.jobs.JobContext;
import com.tsh.erp.jobs.JobFailure;
import com.tsh.erp.jobs.JobHandler;
import com.tsh.erp.jobs.Jobs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The import jobs' engine (products, clients): what a service writes is which columns there are, each cell's type,
 * what a row must say on its own, and how a batch of rows is applied. Two passes over the uploaded file (kept in the
 * database by the jobs library):
 * <ol>
 *   <li>read every row ({@link TableFile}) and check what a row can say on its own: the header names known columns
 *       (case ignored; an unknown or repeated column refuses the file), each cell has its column's type
 *       ({@link #value}), the service's own row rules ({@link #checkRow}). A file that cannot be read at all fails the
 *       job here, before anything is changed.</li>
 *   <li>apply the rows in batches ({@link #batchSize}), each in one transaction ({@link #applyBatch}); a batch that
 *       fails as a whole is applied again row by row, so one bad row costs only itself. A dry run does all of this
 *       and rolls every batch back.</li>
 * </ol>
 * The result file lists each refused row ({@code row, key, field, value, reason}, CSV with a byte-order mark; no file
 * when nothing was refused); {@code counts} says rows, created, updated, unchanged, refused (rows, however many
 * fields of one were wrong). A checkpoint after each committed batch lets a worker that takes the job over go on from
 * the next row; the refusals found before it are counted but not listed again (the file says so).
 *
 * <p>Common cell rules: a leading apostrophe before {@code = + - @} (the exports' escape) is taken off; text must pass
 * {@link TextRules}; an XLSX formula cell is refused ("type the value"), never evaluated; an empty cell is
 * {@code null}.
 */
public abstract class TableImport implements JobHandler {

    public static final String REFUSALS_TYPE = "text/csv; charset=UTF-8";
    private static final Pattern CAMEL = Pattern.compile("([a-z])([A-Z])");

    @Inject
    protected Validator validator;

    /** A refused row: where, its key (SKU, phone), which field, what it held, why. */
    public record Refusal(int row, String key, String field, String value, String reason) {
    }

    /** A row that passed the first pass: the values of the columns the file has (null: an empty cell). */
    public record Line(int row, Map<String, Object> values) {
        public boolean has(String column) {
            return values.containsKey(column);
        }

        public Object get(String column) {
            return values.get(column);
        }
    }

    /** What a batch did: created, updated, unchanged (each added to the counts) and the rows it refused. */
    public static final class Tally {
        final Map<String, Long> counts = new HashMap<>();
        final List<Refusal> refused = new ArrayList<>();

        public void created() {
            counts.merge("created", 1L, Long::sum);
        }

        public void updated() {
            counts.merge("updated", 1L, Long::sum);
        }

        public void unchanged() {
            counts.merge("unchanged", 1L, Long::sum);
        }

        public void refuse(List<Refusal> refusals) {
            refused.addAll(refusals);
        }
    }

    /** What the file calls the things it holds: products, clients (in messages and the refusals file's name). */
    protected abstract String things();

    /** The columns a file may have, in the order the export writes them. */
    protected abstract List<String> columns();

    /** The columns a file must have. */
    protected abstract Set<String> requiredColumns();

    /** The column that names a row in the refusals file (sku, phone). */
    protected abstract String keyColumn();

    protected abstract int maxRows();

    protected abstract int batchSize();

    /** A non-empty cell as its column's type; IllegalArgumentException saying why it is refused. */
    protected abstract Object value(String column, String text);

    /**
     * The service's rules on one row read alone (a required key, the same key twice in the file); {@code seen} is
     * this pass's memory of keys; the refusals, empty when the row may go on.
     */
    protected abstract List<Refusal> checkRow(Line line, Map<String, Integer> seen);

    /** Applies a batch inside the caller's transaction, recording each row's outcome in {@code tally}. */
    protected abstract void applyBatch(List<Line> batch, String actor, Tally tally);

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
        long total = lines.size() + rows(refusals);
        counts.put("rows", total);
        // a take-over: the first attempt counted every row the first pass refused, and listed none yet
        counts.put("refused", checkpoint == null ? rows(refusals) : counts.get("refused"));
        refusals.removeIf(r -> r.row() < from); // rows an earlier attempt's batches went past
        List<Line> todo = lines.stream().filter(l -> l.row() >= from).toList();
        long done = total - todo.size();
        report(job, counts, done, total, dry);

        for (int i = 0; i < todo.size(); i += batchSize()) {
            List<Line> part = todo.subList(i, Math.min(todo.size(), i + batchSize()));
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
        TableFile.read(data, format, maxRows(), row -> {
            if (header[0] == null) {
                header[0] = header(row);
                return;
            }
            String[] columns = header[0];
            Map<String, Object> values = new LinkedHashMap<>();
            int keyAt = indexOf(columns, keyColumn());
            String key = keyAt < 0 ? "" : TableFile.unescape(row.cell(keyAt)).strip();
            List<Refusal> wrong = new ArrayList<>();
            for (int c = 0; c < columns.length; c++) {
                if (columns[c] != null) {
                    String raw = row.cell(c);
                    try {
                        values.put(columns[c], cell(columns[c], raw));
                    } catch (IllegalArgumentException e) {
                        wrong.add(new Refusal(row.number(), key, columns[c], shown(raw), e.getMessage()));
                    }
                }
            }
            Line line = new Line(row.number(), values);
            if (wrong.isEmpty()) {
                wrong.addAll(checkRow(line, seen));
            }
            if (wrong.isEmpty()) {
                lines.add(line);
            } else {
                refusals.addAll(wrong);
            }
        });
        if (header[0] == null) {
            throw new TableFile.BadFile("the file is empty: it needs a header row (" + String.join(", ", columns())
                    + ") and rows");
        }
        return lines;
    }

    /** The column each cell of the header names (null for none), or the file is refused. */
    private String[] header(TableFile.Row row) {
        String[] names = new String[row.cells().size()];
        Set<String> named = new HashSet<>();
        for (int c = 0; c < names.length; c++) {
            String name = row.cell(c).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!columns().contains(name)) {
                throw new TableFile.BadFile("the header names a column this import does not know: \"" + shown(row.cell(c))
                        + "\" (column " + (c + 1) + "); the columns are " + String.join(", ", columns()));
            }
            if (!named.add(name)) {
                throw new TableFile.BadFile("the header names the column " + name + " twice");
            }
            names[c] = name;
        }
        for (String required : requiredColumns()) {
            if (!named.contains(required)) {
                throw new TableFile.BadFile("the header has no " + required + " column (row 1 must name the columns: "
                        + String.join(", ", columns()) + ")");
            }
        }
        return names;
    }

    private static int indexOf(String[] columns, String name) {
        for (int i = 0; i < columns.length; i++) {
            if (name.equals(columns[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The common rules, then the column's type; null for an empty cell. */
    private Object cell(String column, String raw) {
        if (TableFile.FORMULA.equals(raw)) {
            throw new IllegalArgumentException("is a formula; type the value (formulas are never evaluated)");
        }
        String text = TableFile.unescape(raw).strip();
        String problem = TextRules.problem(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return text.isEmpty() ? null : value(column, text);
    }

    // ------------------------------------------------------------------ cell types the imports share

    protected static Long wholeNumber(String text, String what) {
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not " + what + " (a whole number)");
        }
    }

    /** true/false, yes/no, 1/0, نعم/لا. */
    protected static Boolean yesNo(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "نعم" -> Boolean.TRUE;
            case "false", "no", "0", "لا" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("must be true or false (yes/no, 1/0, نعم/لا)");
        };
    }

    /** An amount: 12.50; with one comma and at most two digits after it (a semicolon CSV's 12,50) also taken. */
    protected static BigDecimal money(String text) {
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

    protected static String shown(String raw) {
        String v = TableFile.FORMULA.equals(raw) ? "(formula)" : raw;
        return v.length() > 100 ? v.substring(0, 100) + "…" : v;
    }

    /**
     * The API's own validation rules on the row's merged result, each broken one as a refusal naming the file's
     * column (camelCase property to snake_case column).
     */
    protected <T> List<Refusal> violations(Line line, String key, T merged, boolean creating, String thing) {
        List<Refusal> wrong = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(merged)) {
            String field = CAMEL.matcher(v.getPropertyPath().toString()).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
            String reason = v.getMessage();
            if (v.getInvalidValue() == null || (v.getInvalidValue() instanceof String s && s.isBlank())) {
                reason = line.has(field) ? "must not be empty" : creating
                        ? "is required for a new " + thing + " (the file has no " + field + " column)" : reason;
            }
            wrong.add(new Refusal(line.row(), key, field, v.getInvalidValue() == null ? "" : shown(String.valueOf(v.getInvalidValue())), reason));
        }
        wrong.sort(Comparator.comparing(Refusal::field));
        return wrong;
    }

    // ------------------------------------------------------------------ pass 2: apply in batches

    /** Applies one batch in one transaction (rolled back on a dry run); row by row if the batch fails as a whole. */
    private List<Refusal> apply(List<Line> batch, boolean dry, String actor, Map<String, Long> counts) {
        try {
            Tally tally = transaction(dry, () -> {
                Tally t = new Tally();
                applyBatch(batch, actor, t);
                return t;
            });
            tally.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
            return tally.refused;
        } catch (RuntimeException batchFailed) {
            List<Refusal> refused = new ArrayList<>();
            for (Line line : batch) {
                try {
                    Tally one = transaction(dry, () -> {
                        Tally t = new Tally();
                        applyBatch(List.of(line), actor, t);
                        return t;
                    });
                    one.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
                    refused.addAll(one.refused);
                } catch (RuntimeException e) {
                    refused.add(refusal(line, e));
                }
            }
            return refused;
        }
    }

    /** The work's answer after a new transaction: committed, or (dry run) rolled back. */
    private static Tally transaction(boolean dry, Supplier<Tally> work) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Tally answer = work.get();
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
        final Tally answer;

        DryRun(Tally answer) {
            super("dry run", null, false, false);
            this.answer = answer;
        }
    }

    /** A row the service refused while applying it (a rule only the database can check, a change made meanwhile). */
    private Refusal refusal(Line line, RuntimeException e) {
        Throwable t = e;
        while (t != null && !(t instanceof ApiException)) {
            t = t.getCause();
        }
        if (t instanceof ApiException api) {
            Problem.FieldError first = api.errors().isEmpty() ? null : api.errors().get(0);
            Object key = line.get(keyColumn());
            return new Refusal(line.row(), key == null ? "" : String.valueOf(key), first == null ? "" : first.field(), "",
                    first == null ? api.getMessage() : first.message());
        }
        throw e; // not the row's fault: the job fails with the general message, and its log has the cause
    }

    // ------------------------------------------------------------------ the result: the refused rows

    private void writeRefusals(JobContext job, List<Refusal> refusals, int from, long refused) throws Exception {
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm"));
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(job.result(things() + "-import-refused-" + stamp
                + ".csv", REFUSALS_TYPE), StandardCharsets.UTF_8));
             CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            w.write('\uFEFF');
            out.printRecord("row", keyColumn(), "field", "value", "reason");
            if (from > 0) {
                out.printRecord("", "", "", "", "rows before " + from + " were checked by an earlier attempt of this job;"
                        + " their refusals are counted (" + (refused - rows(refusals)) + " rows) but not listed here");
            }
            for (Refusal r : refusals.stream().sorted(Comparator.comparingInt(Refusal::row)).toList()) {
                out.printRecord(r.row(), TableFile.escape(r.key()), r.field(), TableFile.escape(r.value()), r.reason());
            }
        }
    }
}
