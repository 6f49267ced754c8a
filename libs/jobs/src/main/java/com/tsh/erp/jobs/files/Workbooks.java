package com.tsh.erp.jobs.files;

import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * What the jobs' XLSX files share: a streaming workbook (POI's SXSSF, 100 rows in memory, temporary files
 * compressed), sheets with a bold, frozen header row, text cells escaped against formulas ({@link TableFile#escape}),
 * numbers as numbers.
 */
public final class Workbooks {

    private Workbooks() {
    }

    /** A streaming workbook; the caller writes it and then calls {@code dispose()}. */
    public static SXSSFWorkbook streaming() {
        SXSSFWorkbook book = new SXSSFWorkbook(100);
        book.setCompressTempFiles(true);
        return book;
    }

    public static CellStyle bold(SXSSFWorkbook book) {
        CellStyle bold = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        bold.setFont(font);
        return bold;
    }

    /** A sheet whose first row names the columns, in bold, frozen while scrolling. */
    public static SXSSFSheet sheet(SXSSFWorkbook book, String name, CellStyle bold, Iterable<String> columns) {
        SXSSFSheet sheet = book.createSheet(name);
        Row header = sheet.createRow(0);
        int i = 0;
        for (String column : columns) {
            label(header, i++, column, bold);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    public static void label(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    /** A text cell, escaped so a spreadsheet never takes it for a formula; nothing for null. */
    public static void text(Row row, int column, String value) {
        if (value != null) {
            row.createCell(column).setCellValue(TableFile.escape(value));
        }
    }

    /** A number cell (with a style, or none); nothing for null. */
    public static void number(Row row, int column, BigDecimal value, CellStyle style) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value.doubleValue());
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
