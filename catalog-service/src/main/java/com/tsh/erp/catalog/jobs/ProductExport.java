package com.tsh.erp.catalog.jobs;

import com.tsh.erp.jobs.JobContext;
import com.tsh.erp.jobs.JobFailure;
import com.tsh.erp.jobs.JobHandler;
import com.tsh.erp.jobs.files.TableFile;
import com.tsh.erp.jobs.files.Workbooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The products export job ({@code products-export}): every product (or only the active or inactive ones) as CSV or
 * XLSX, one row a product in id order, with the columns a products import reads ({@link #COLUMNS}). Rows stream from
 * a database cursor (1,000 at a time) into the file, and an XLSX keeps only 100 rows in memory (POI's SXSSF), so the
 * heap it needs does not grow with the catalog.
 *
 * <p>Text that a spreadsheet would take for a formula ({@code = + - @}, tab, carriage return first) is written with
 * a leading apostrophe, in both formats (OWASP's CSV injection advice); numbers are numbers. CSV is UTF-8 with a
 * byte-order mark (so spreadsheet programs read the Arabic names), comma-separated, CRLF, quoted where needed.
 * A job taken over after its worker died starts the file again (its progress restarts; nothing is written twice).
 */
@ApplicationScoped
public class ProductExport implements JobHandler {

    public static final String KIND = "products-export";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv; charset=UTF-8";
    /** The file's columns, as the products import names them. */
    public static final List<String> COLUMNS = List.of("sku", "name", "name_ar", "category_id", "unit", "retail_price",
            "wholesale_price", "cost_price", "stock_on_hand", "reorder_level", "active");
    private static final String SELECT = "select sku, name, name_ar, category_id, unit, retail_price, wholesale_price,"
            + " cost_price, stock_on_hand, reorder_level, active from product";

    @Inject
    DataSource dataSource;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobContext job) throws Exception {
        String format = job.params().path("format").asText("csv");
        Boolean active = job.params().path("active").isBoolean() ? job.params().path("active").asBoolean() : null;
        String where = active == null ? "" : " where active = ?";
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm"));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams a result with a cursor only inside a transaction
            c.setReadOnly(true);
            long total;
            try (PreparedStatement count = c.prepareStatement("select count(*) from product" + where)) {
                bind(count, active);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            job.progress(0, total, "exporting " + total + " products");
            try (PreparedStatement ps = c.prepareStatement(SELECT + where + " order by id")) {
                ps.setFetchSize(1_000);
                bind(ps, active);
                try (ResultSet rs = ps.executeQuery()) {
                    switch (format) {
                        case "csv" -> csv(job, rs, total, job.result("products-" + stamp + ".csv", CSV));
                        case "xlsx" -> xlsx(job, rs, total, job.result("products-" + stamp + ".xlsx", XLSX));
                        default -> throw new JobFailure("format must be csv or xlsx, not " + format);
                    }
                }
            }
            c.rollback();
        }
    }

    private static void bind(PreparedStatement ps, Boolean active) throws java.sql.SQLException {
        if (active != null) {
            ps.setBoolean(1, active);
        }
    }

    private static void csv(JobContext job, ResultSet rs, long total, OutputStream file) throws Exception {
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8), 64 * 1024);
             CSVPrinter out = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            w.write('\uFEFF');
            out.printRecord(COLUMNS);
            long done = 0;
            while (rs.next()) {
                out.printRecord(safe(rs.getString("sku")), safe(rs.getString("name")), safe(rs.getString("name_ar")),
                        rs.getObject("category_id"), safe(rs.getString("unit")), plain(rs.getBigDecimal("retail_price")),
                        plain(rs.getBigDecimal("wholesale_price")), plain(rs.getBigDecimal("cost_price")),
                        rs.getInt("stock_on_hand"), rs.getInt("reorder_level"), rs.getBoolean("active"));
                job.progress(++done, total, "exported " + done + " of " + total);
            }
            job.progress(done, done, "exported " + done + " products");
        }
    }

    private static void xlsx(JobContext job, ResultSet rs, long total, OutputStream file) throws Exception {
        try (SXSSFWorkbook book = Workbooks.streaming(); OutputStream out = file) {
            SXSSFSheet sheet = Workbooks.sheet(book, "Products", Workbooks.bold(book), COLUMNS);
            int r = 1;
            long done = 0;
            while (rs.next()) {
                Row row = sheet.createRow(r++);
                Workbooks.text(row, 0, rs.getString("sku"));
                Workbooks.text(row, 1, rs.getString("name"));
                Workbooks.text(row, 2, rs.getString("name_ar"));
                long category = rs.getLong("category_id");
                if (!rs.wasNull()) {
                    row.createCell(3).setCellValue(category);
                }
                Workbooks.text(row, 4, rs.getString("unit"));
                Workbooks.number(row, 5, rs.getBigDecimal("retail_price"), null);
                Workbooks.number(row, 6, rs.getBigDecimal("wholesale_price"), null);
                Workbooks.number(row, 7, rs.getBigDecimal("cost_price"), null);
                row.createCell(8).setCellValue(rs.getInt("stock_on_hand"));
                row.createCell(9).setCellValue(rs.getInt("reorder_level"));
                row.createCell(10).setCellValue(rs.getBoolean("active"));
                job.progress(++done, total, "exported " + done + " of " + total);
            }
            book.write(out);
            book.dispose();
            job.progress(done, done, "exported " + done + " products");
        }
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** Text a spreadsheet would run as a formula gets a leading apostrophe (which the import takes off again). */
    private static String safe(String value) {
        return TableFile.escape(value);
    }
}
