package com.tsh.erp.jobs.files;

import com.tsh.erp.jobs.JobFailure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an uploaded table (a CSV or XLSX file with a header row) one row at a time, for the imports, and escapes
 * text for the exports. Everything that makes a file unreadable is a {@link BadFile} with a sentence the user can act
 * on; the job fails with it before it has changed anything.
 *
 * <ul>
 *   <li>CSV: UTF-8, with or without a byte-order mark; bytes that are not UTF-8 are refused (never guessed or
 *       replaced). Comma or semicolon separated (the header row decides: a spreadsheet saved with a European locale
 *       writes semicolons). Quoted fields may hold separators and line breaks (Commons CSV).</li>
 *   <li>XLSX: the first sheet, read as a stream of XML (POI's event API with its hardened XML parser: no DTDs, no
 *       external entities), so a large sheet is not built in memory. A zip bomb is refused by POI's
 *       {@link ZipSecureFile} checks (an entry expanding more than 100 times, or past {@value #MAX_ENTRY_BYTES} bytes).
 *       A cell holding a formula is handed over as {@link #FORMULA} and never evaluated; numbers come as their shortest
 *       decimal form (12.35, not 12.349999999999999), booleans as true/false.</li>
 *   <li>Rows whose cells are all empty are skipped; row numbers count the header as row 1.</li>
 * </ul>
 */
public final class TableFile {

    public enum Format {
        CSV("text/csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        public final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    /** A row: its number in the file (the header is 1) and its cells, in column order ("" for an empty cell). */
    public record Row(int number, List<String> cells) {
        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }
    }

    /** Takes the rows in order, the header first. */
    public interface RowHandler {
        void row(Row row);
    }

    /** Why a file cannot be read at all; the message is the job's error, as it stands. */
    public static final class BadFile extends JobFailure {
        public BadFile(String reason) {
            super(reason);
        }

        public BadFile(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** What an XLSX cell holding a formula reads as (the formula is not evaluated; the importer refuses the cell). */
    public static final String FORMULA = "\u0000formula";
    static final long MAX_ENTRY_BYTES = 200L * 1024 * 1024;
    private static final int MAX_COLUMNS = 100;

    static {
        // a part that inflates more than 100 times its compressed size is a zip bomb (POI's default is 1/0.01 too,
        // set here so it cannot be loosened by accident), and no part may inflate past 200 MB
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private TableFile() {
    }

    /** What the bytes are, whatever the name says: XLSX (a zip archive), CSV (text), or null (neither). */
    public static Format sniff(byte[] data) {
        if (startsWith(data, 'P', 'K', 3, 4)) {
            return Format.XLSX;
        }
        if (startsWith(data, 0xD0, 0xCF, 0x11, 0xE0) || startsWith(data, '%', 'P', 'D', 'F') || startsWith(data, 0x89, 'P', 'N', 'G')
                || startsWith(data, 0xFF, 0xD8, 0xFF) || startsWith(data, 'G', 'I', 'F', '8') || startsWith(data, 0x1F, 0x8B)) {
            return null;
        }
        if (startsWith(data, 0xFF, 0xFE) || startsWith(data, 0xFE, 0xFF)) {
            return Format.CSV; // UTF-16 text: read() says what to do with it
        }
        for (int i = 0; i < Math.min(data.length, 8192); i++) {
            if (data[i] == 0) {
                return null; // text has no NUL bytes
            }
        }
        return Format.CSV;
    }

    /** What a file says it is, by its content type or else its name's ending; null when it does not say. */
    public static Format declared(String fileName, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (type.equals(Format.XLSX.mediaType)) {
            return Format.XLSX;
        }
        if (type.equals("text/csv") || type.equals("application/csv") || type.equals("text/comma-separated-values")) {
            return Format.CSV;
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT).strip();
        return name.endsWith(".xlsx") ? Format.XLSX : name.endsWith(".csv") ? Format.CSV : null;
    }

    /** Reads the rows of {@code data} (at most {@code maxRows} after the header) into {@code handler}. */
    public static void read(byte[] data, Format format, int maxRows, RowHandler handler) {
        RowHandler limited = row -> {
            if (row.number() > maxRows + 1) {
                throw new BadFile("the file has more than " + maxRows + " rows; split it into files of at most "
                        + maxRows + " rows");
            }
            if (row.cells().size() > MAX_COLUMNS) {
                throw new BadFile("row " + row.number() + " has more than " + MAX_COLUMNS + " columns");
            }
            if (row.cells().stream().anyMatch(c -> !c.isEmpty())) {
                handler.row(row);
            }
        };
        if (format == Format.XLSX) {
            xlsx(data, limited);
        } else {
            csv(data, limited);
        }
    }

    // ------------------------------------------------------------------ CSV

    private static void csv(byte[] data, RowHandler handler) {
        if (startsWith(data, 0xFF, 0xFE) || startsWith(data, 0xFE, 0xFF)) {
            throw new BadFile("the file is UTF-16 text; save it as \"CSV UTF-8\" and upload it again");
        }
        int start = startsWith(data, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        requireUtf8(data, start);
        char delimiter = delimiter(data, start);
        Reader reader = new InputStreamReader(new ByteArrayInputStream(data, start, data.length - start),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        int number = 0;
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw csvProblem(e, number + 1);
                }
                number++;
                handler.row(new Row(number, record.toList()));
            }
        } catch (IOException e) {
            throw csvProblem(e, number + 1);
        }
    }

    /** Checks the whole file decodes as UTF-8 first (it is in memory): a bad byte is reported with its line. */
    private static void requireUtf8(byte[] data, int start) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(data, start, data.length - start);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        while (true) {
            java.nio.charset.CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                int line = 1;
                for (int i = start; i < in.position(); i++) {
                    if (data[i] == '\n') {
                        line++;
                    }
                }
                throw new BadFile("the file is not UTF-8 text (line " + line + " has bytes that are not); save it as"
                        + " \"CSV UTF-8\" and upload it again");
            }
            if (result.isUnderflow()) {
                return;
            }
            out.clear();
        }
    }

    private static BadFile csvProblem(Exception e, int row) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return new BadFile("the file is not UTF-8 text (at row " + row + "); save it as \"CSV UTF-8\" and upload"
                        + " it again", e);
            }
        }
        return new BadFile("the CSV cannot be read at row " + row + ": " + e.getMessage()
                + " (a quote opened and never closed?)", e);
    }

    /** Semicolon when the header line has more semicolons than commas, else comma. */
    private static char delimiter(byte[] data, int start) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = start; i < data.length && (quoted || (data[i] != '\n' && data[i] != '\r')); i++) {
            byte b = data[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted && b == ',') {
                commas++;
            } else if (!quoted && b == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    // ------------------------------------------------------------------ XLSX

    private static void xlsx(byte[] data, RowHandler handler) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(data))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new BadFile("the workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new SheetHandler(strings, handler));
                xml.parse(new InputSource(sheet));
            }
        } catch (BadFile e) {
            throw e;
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw new BadFile("the file is not an XLSX workbook (" + e.getMessage() + ")", e);
        } catch (IOException | SAXException | RuntimeException e) {
            if (e instanceof RuntimeException r && r.getCause() instanceof BadFile bad) {
                throw bad;
            }
            String message = String.valueOf(e.getMessage());
            if (message.contains("Zip bomb") || message.contains("ZipSecureFile") || message.contains("max entry size")) {
                throw new BadFile("the workbook expands to far more than its size (a zip bomb?); it was not read", e);
            }
            throw new BadFile("the XLSX workbook cannot be read: " + message, e);
        } catch (Exception e) {
            throw new BadFile("the XLSX workbook cannot be read: " + e.getMessage(), e);
        }
    }

    /** The SAX handler of one sheet: {@code <row r>}, {@code <c r t>}, {@code <f>}, {@code <v>}, {@code <is><t>}. */
    private static final class SheetHandler extends DefaultHandler {
        private final ReadOnlySharedStringsTable strings;
        private final RowHandler handler;
        private final StringBuilder text = new StringBuilder();
        private List<String> cells;
        private int rowNumber;
        private int nextRow = 1;
        private int column;
        private String type;
        private boolean formula;
        private boolean inValue;
        private boolean hasValue;

        SheetHandler(ReadOnlySharedStringsTable strings, RowHandler handler) {
            this.strings = strings;
            this.handler = handler;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? nextRow : Integer.parseInt(r);
                    nextRow = rowNumber + 1;
                    cells = new ArrayList<>();
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    column = ref == null ? cells.size() : column(ref);
                    type = attributes.getValue("t");
                    formula = false;
                    hasValue = false;
                    text.setLength(0);
                }
                case "f" -> formula = true;
                case "v", "t" -> {
                    inValue = true;
                    hasValue = true;
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "c" -> {
                    if (column >= MAX_COLUMNS) {
                        throw new BadFile("row " + rowNumber + " has more than " + MAX_COLUMNS + " columns");
                    }
                    while (cells.size() <= column) {
                        cells.add("");
                    }
                    cells.set(column, formula ? FORMULA : hasValue ? value() : "");
                }
                case "row" -> handler.row(new Row(rowNumber, List.copyOf(cells)));
                default -> {
                }
            }
        }

        private String value() {
            String raw = text.toString();
            if (type == null || type.equals("n")) {
                return number(raw);
            }
            return switch (type) {
                case "s" -> strings.getItemAt(Integer.parseInt(raw.strip())).getString();
                case "b" -> "1".equals(raw.strip()) ? "true" : "false";
                case "e" -> FORMULA; // an error value (#N/A, #REF!) only a formula makes
                default -> raw; // str, inlineStr
            };
        }

        private static String number(String raw) {
            try {
                String shortest = java.math.BigDecimal.valueOf(Double.parseDouble(raw.strip())).stripTrailingZeros().toPlainString();
                return shortest;
            } catch (NumberFormatException e) {
                return raw;
            }
        }

        /** The zero-based column of a cell reference such as {@code AB12}. */
        private static int column(String ref) {
            int column = 0;
            for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
                column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            }
            return column - 1;
        }
    }

    // ------------------------------------------------------------------ formulas in exported text

    /**
     * Text a spreadsheet would run as a formula (first character {@code = + - @}, tab or carriage return) gets a
     * leading apostrophe (OWASP's advice on CSV injection); {@link #unescape} takes it off again on import.
     */
    public static String escape(String value) {
        return value != null && !value.isEmpty() && formulaStart(value.charAt(0)) ? "'" + value : value;
    }

    /** Undoes {@link #escape}: an apostrophe followed by a formula's first character is dropped. */
    public static String unescape(String value) {
        return value != null && value.length() > 1 && value.charAt(0) == '\'' && formulaStart(value.charAt(1))
                ? value.substring(1) : value;
    }

    private static boolean formulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    private static boolean startsWith(byte[] data, int... magic) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((data[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
