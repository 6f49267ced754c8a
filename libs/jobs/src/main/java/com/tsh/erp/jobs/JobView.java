package com.tsh.erp.jobs;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A job as the apps see it: {@code GET /jobs/{id}}, and the body of the 202 that started it. */
@Schema(name = "Job")
public record JobView(
        @Schema(description = "<application>-<uuid>; the gateway serves it at /api/v1/jobs/{id}") String id,
        @Schema(description = "what the job does, e.g. products-export") String kind,
        JobState state,
        Progress progress,
        @Schema(nullable = true, description = "what the job counted so far, by name (an import: rows, created, updated,"
                + " unchanged, refused)") Map<String, Long> counts,
        @Schema(description = "who started it: user:<id>") String startedBy,
        Instant createdAt,
        @Schema(nullable = true, implementation = String.class, format = "date-time") Instant startedAt,
        @Schema(nullable = true, implementation = String.class, format = "date-time") Instant finishedAt,
        @Schema(nullable = true, type = SchemaType.OBJECT, implementation = Result.class,
                description = "the file the job made, once it SUCCEEDED") Result result,
        @Schema(nullable = true, description = "why it FAILED, in words a user can act on") String error) {

    public record Progress(
            long done,
            @Schema(nullable = true, description = "unknown until the job has counted its work") Long total,
            @Schema(nullable = true) String message) {
    }

    public record Result(
            @Schema(description = "the file name a download is saved under") String name,
            String contentType,
            long size,
            @Schema(nullable = true, description = "where to download it (this service's path); null once expired") String url,
            @Schema(description = "when the file is deleted", implementation = String.class, format = "date-time") Instant expiresAt,
            boolean expired) {
    }
}
