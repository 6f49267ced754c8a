package com.tsh.erp.catalog.service;

import java.time.Instant;

/** One category as the cache holds it. */
public record CategoryRow(long id, Long parentId, String name, String nameAr, int sortOrder, boolean active,
                          long version, Instant updatedAt) {
}
