package com.tsh.erp.clients.jobs;

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
import java.sql.SQLException;
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
 * The clients export job ({@code clients-export}): every client (or only active or inactive ones) as CSV or XLSX, in
 * id order, with the columns the clients import reads ({@link #COLUMNS}); the {@code id} column lets an import of the
 * file update the same clients whatever their phone. Streamed from a cursor; text escaped against formulas (a
 * phone's leading {@code +} included: a spreadsheet would otherwise take +9647... for a number); CSV is UTF-8 with a
 * byte-order mark, CRLF.
 */
@ApplicationScoped
public class ClientExport implements JobHandler {

    public static final String KIND = "clients-export";
    public static final String CSV = "text/csv; charset=UTF-8";
    public static final List<String> COLUMNS = List.of("id", "name", "name_ar", "client_type", "phone", "email", "address",
            "city", "region", "salesperson_id", "credit_limit", "active");
    private static final String SELECT = "select id, name, name_ar, client_type, phone, email, address, city, region,"
            + " salesperson_id, credit_limit, active from client";

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
            c.setAutoCommit(false); // a cursor streams only inside a transaction
            c.setReadOnly(true);
            long total;
            try (PreparedStatement count = c.prepareStatement("select count(*) from client" + where)) {
                bind(count, active);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            job.progress(0, total, "exporting " + total + " clients");
            try (PreparedStatement ps = c.prepareStatement(SELECT + where + " order by id")) {
                ps.setFetchSize(1_000);
                bind(ps, active);
                try (ResultSet rs = ps.executeQuery()) {
                    switch (format) {
                        case "csv" -> csv(job, rs, total, job.result("clients-" + stamp + ".csv", CSV));
                        case "xlsx" -> xlsx(job, rs, total, job.result("clients-" + stamp + ".xlsx", TableFile.Format.XLSX.mediaType));
                        default -> throw new JobFailure("format must be csv or xlsx, not " + format);
                    }
                }
            }
            c.rollback();
        }
    }

    private static void bind(PreparedStatement ps, Boolean active) throws SQLException {
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
                out.printRecord(rs.getLong("id"), safe(rs, "name"), safe(rs, "name_ar"), rs.getString("client_type"),
                        safe(rs, "phone"), safe(rs, "email"), safe(rs, "address"), safe(rs, "city"), safe(rs, "region"),
                        rs.getObject("salesperson_id"), rs.getBigDecimal("credit_limit").toPlainString(), rs.getBoolean("active"));
                job.progress(++done, total, "exported " + done + " of " + total);
            }
            job.progress(done, done, "exported " + done + " clients");
        }
    }

    private static String safe(ResultSet rs, String column) throws SQLException {
        return TableFile.escape(rs.getString(column));
    }

    private static void xlsx(JobContext job, ResultSet rs, long total, OutputStream file) throws Exception {
        try (SXSSFWorkbook book = Workbooks.streaming(); OutputStream out = file) {
            SXSSFSheet sheet = Workbooks.sheet(book, "Clients", Workbooks.bold(book), COLUMNS);
            int r = 1;
            long done = 0;
            while (rs.next()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(rs.getLong("id"));
                String[] texts = {"name", "name_ar", "client_type", "phone", "email", "address", "city", "region"};
                for (int i = 0; i < texts.length; i++) {
                    Workbooks.text(row, i + 1, rs.getString(texts[i]));
                }
                long salesperson = rs.getLong("salesperson_id");
                if (!rs.wasNull()) {
                    row.createCell(9).setCellValue(salesperson);
                }
                Workbooks.number(row, 10, rs.getBigDecimal("credit_limit"), null);
                row.createCell(11).setCellValue(rs.getBoolean("active"));
                job.progress(++done, total, "exported " + done + " of " + total);
            }
            book.write(out);
            book.dispose();
            job.progress(done, done, "exported " + done + " clients");
        }
    }
}
