package com.tsh.erp.events.catalog;

import java.time.Instant;

/** A category was created or changed (including deactivation); carries its whole new state. */
public record CategoryUpserted(
        long categoryId,
        Long parentId,
        String name,
        String nameAr,
        int sortOrder,
        boolean active,
        Instant updatedAt) {
}
