package com.tsh.erp.jobs.files;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Problem;
import com.tsh.erp.jobs.Jobs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * An import's upload (a multipart part named {@code file}, and {@code dry_run}), checked for what can be checked at
 * once, each refusal a problem+json naming the field: present (400), {@code dry_run} true or false (400), at most the
 * route's size (413), not empty (422), CSV or XLSX judged by its bytes (415: a PNG, an old .xls), and the same type
 * as its name or part type declares (422). What is inside is the import job's to read.
 */
public record TableUpload(Jobs.Input input, TableFile.Format format, boolean dryRun) {

    public static TableUpload of(FileUpload file, String dryRun, long maxBytes) {
        if (file == null) {
            throw ApiException.badRequest("file", "is required: the CSV or XLSX file, as a multipart/form-data part named file");
        }
        boolean dry = switch (dryRun == null ? "" : dryRun.strip()) {
            case "", "false" -> false;
            case "true" -> true;
            default -> throw ApiException.badRequest("dry_run", "must be true or false");
        };
        if (file.size() > maxBytes) {
            throw new ApiException(413, "file-too-large", "Content Too Large", "the file has " + file.size()
                    + " bytes; at most " + maxBytes + " are taken", List.of(new Problem.FieldError("file", "larger than "
                    + maxBytes + " bytes; split it into smaller files")));
        }
        if (file.size() == 0) {
            throw ApiException.unprocessable("file", "is empty");
        }
        byte[] data;
        try {
            data = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TableFile.Format actual = TableFile.sniff(data);
        if (actual == null) {
            throw new ApiException(415, "unsupported-file-type", "Unsupported Media Type", "the file is neither CSV text nor"
                    + " an XLSX workbook (judged by its bytes)", List.of(new Problem.FieldError("file",
                    "not a CSV or XLSX file; an old .xls workbook must be saved as .xlsx first")));
        }
        TableFile.Format declared = TableFile.declared(file.fileName(), file.contentType());
        if (declared != null && declared != actual) {
            throw ApiException.unprocessable("file", "is declared " + declared + " (by its name or type) but its bytes are "
                    + (actual == TableFile.Format.XLSX ? "a zip archive (XLSX)" : "text (CSV)"));
        }
        return new TableUpload(new Jobs.Input(file.fileName() == null ? "upload" : file.fileName(), actual.mediaType, data),
                actual, dry);
    }

    /** The import job's parameters: format, dry_run, file_name. */
    public ObjectNode params() {
        return JsonNodeFactory.instance.objectNode().put("format", format.name().toLowerCase(Locale.ROOT))
                .put("dry_run", dryRun).put("file_name", input.name());
    }
}
