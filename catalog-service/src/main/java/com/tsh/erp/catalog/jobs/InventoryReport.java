package com.tsh.erp.catalog.jobs;

import com.tsh.erp.jobs.JobContext;
import com.tsh.erp.jobs.JobHandler;
import com.tsh.erp.jobs.files.Workbooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The inventory report job ({@code inventory-report}): one XLSX workbook with three sheets, all read in one
 * read-only transaction (one snapshot, so the sheets agree with each other):
 * <ul>
 *   <li><b>Valuation</b>: every active product with stock on hand, reserved, available, cost price and value (stock on
 *       hand × cost price), by category then SKU, and a total row; a product without a cost price is valued at 0 and
 *       says so.</li>
 *   <li><b>By category</b>: products, units and value per category, summed by the database.</li>
 *   <li><b>Low stock</b>: active products whose available stock is at or below their reorder level, the shortest
 *       first, with how many units bring each back to its level.</li>
 * </ul>
 * Rows stream from database cursors into POI's SXSSF (100 rows in memory), so the heap does not grow with the
 * catalog. Totals and per-category sums are the database's ({@code sum ... group by}), not added up here.
 */
@ApplicationScoped
public class InventoryReport implements JobHandler {

    public static final String KIND = "inventory-report";
    private static final String VALUATION = """
            select p.sku, p.name, p.name_ar, coalesce(c.name, '') as category, p.stock_on_hand, p.reserved, p.available,
                   p.cost_price, p.stock_on_hand * coalesce(p.cost_price, 0) as value
            from product p left join category c on c.id = p.category_id
            where p.active order by c.name nulls first, p.sku""";
    private static final String TOTALS = """
            select count(*) as products, coalesce(sum(stock_on_hand), 0) as units,
                   coalesce(sum(stock_on_hand * coalesce(cost_price, 0)), 0) as value,
                   count(*) filter (where cost_price is null and stock_on_hand > 0) as unpriced
            from product where active""";
    private static final String BY_CATEGORY = """
            select coalesce(c.name, '(no category)') as category, coalesce(c.name_ar, '(بلا فئة)') as category_ar,
                   count(*) as products, sum(p.stock_on_hand) as units, sum(p.stock_on_hand * coalesce(p.cost_price, 0)) as value
            from product p left join category c on c.id = p.category_id
            where p.active group by c.id, c.name, c.name_ar order by value desc, category""";
    private static final String LOW = """
            select sku, name, name_ar, available, reorder_level, reorder_level - available + 1 as short_by
            from product where active and available <= reorder_level order by available - reorder_level, sku""";

    @Inject
    DataSource dataSource;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobContext job) throws Exception {
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm"));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor streams only inside a transaction
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one snapshot for the three sheets
            long products;
            BigDecimal units;
            BigDecimal value;
            long unpriced;
            try (PreparedStatement ps = c.prepareStatement(TOTALS); ResultSet rs = ps.executeQuery()) {
                rs.next();
                products = rs.getLong("products");
                units = rs.getBigDecimal("units");
                value = rs.getBigDecimal("value");
                unpriced = rs.getLong("unpriced");
            }
            job.progress(0, products, "valuing " + products + " products");
            try (SXSSFWorkbook book = Workbooks.streaming();
                 OutputStream out = job.result("inventory-" + stamp + ".xlsx", ProductExport.XLSX)) {
                CellStyle bold = Workbooks.bold(book);
                CellStyle money = book.createCellStyle();
                money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));

                SXSSFSheet valuation = Workbooks.sheet(book, "Valuation", bold, List.of("sku", "name", "name_ar", "category",
                        "stock_on_hand", "reserved", "available", "cost_price", "value"));
                int r = 1;
                long done = 0;
                try (PreparedStatement ps = cursor(c, VALUATION); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Row row = valuation.createRow(r++);
                        Workbooks.text(row, 0, rs.getString("sku"));
                        Workbooks.text(row, 1, rs.getString("name"));
                        Workbooks.text(row, 2, rs.getString("name_ar"));
                        Workbooks.text(row, 3, rs.getString("category"));
                        row.createCell(4).setCellValue(rs.getInt("stock_on_hand"));
                        row.createCell(5).setCellValue(rs.getInt("reserved"));
                        row.createCell(6).setCellValue(rs.getInt("available"));
                        BigDecimal cost = rs.getBigDecimal("cost_price");
                        if (cost == null) {
                            Workbooks.text(row, 7, "no cost price");
                        } else {
                            Workbooks.number(row, 7, cost, money);
                        }
                        Workbooks.number(row, 8, rs.getBigDecimal("value"), money);
                        job.progress(++done, products, "valued " + done + " of " + products);
                    }
                }
                Row total = valuation.createRow(r);
                Workbooks.label(total, 0, "Total (" + products + " products" + (unpriced > 0 ? ", " + unpriced
                        + " with stock but no cost price, valued at 0" : "") + ")", bold);
                total.createCell(4).setCellValue(units.doubleValue());
                Workbooks.number(total, 8, value, money);
                total.getCell(8).setCellStyle(bold);

                SXSSFSheet categories = Workbooks.sheet(book, "By category", bold, List.of("category", "category_ar", "products",
                        "units", "value"));
                r = 1;
                try (PreparedStatement ps = cursor(c, BY_CATEGORY); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Row row = categories.createRow(r++);
                        Workbooks.text(row, 0, rs.getString("category"));
                        Workbooks.text(row, 1, rs.getString("category_ar"));
                        row.createCell(2).setCellValue(rs.getLong("products"));
                        row.createCell(3).setCellValue(rs.getLong("units"));
                        Workbooks.number(row, 4, rs.getBigDecimal("value"), money);
                    }
                }

                SXSSFSheet low = Workbooks.sheet(book, "Low stock", bold, List.of("sku", "name", "name_ar", "available",
                        "reorder_level", "short_by"));
                r = 1;
                try (PreparedStatement ps = cursor(c, LOW); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Row row = low.createRow(r++);
                        Workbooks.text(row, 0, rs.getString("sku"));
                        Workbooks.text(row, 1, rs.getString("name"));
                        Workbooks.text(row, 2, rs.getString("name_ar"));
                        row.createCell(3).setCellValue(rs.getInt("available"));
                        row.createCell(4).setCellValue(rs.getInt("reorder_level"));
                        row.createCell(5).setCellValue(rs.getInt("short_by"));
                    }
                }
                job.count("products", products);
                job.count("low_stock", r - 1L);
                book.write(out);
                book.dispose();
            }
            c.rollback();
            job.progress(products, products, "valued " + products + " products");
        }
    }

    private static PreparedStatement cursor(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setFetchSize(1_000);
        return ps;
    }
}
