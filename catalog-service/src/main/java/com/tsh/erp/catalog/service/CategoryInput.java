package com.tsh.erp.catalog.service;

/** A category's fields as a create or an edit gives them; {@code sortOrder} or {@code active} null keep what it has. */
public record CategoryInput(String name, String nameAr, Long parentId, Integer sortOrder, Boolean active) {
}
