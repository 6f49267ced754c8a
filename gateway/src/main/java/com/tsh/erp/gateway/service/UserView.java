package com.tsh.erp.gateway.service;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user as the admin routes show it (never the password hash). */
public record UserView(long id, String username,
                       @Schema(type = SchemaType.ARRAY, implementation = Role.class) List<String> roles,
                       @Schema(nullable = true) Long salespersonId,
                       @Schema(nullable = true) Long clientId,
                       boolean active, Instant createdAt, Instant updatedAt, long version) {

    /** A page of users, by id. */
    public record PageOf(List<UserView> items, int page, int perPage, boolean hasMore) {
    }
}
