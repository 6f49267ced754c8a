package com.tsh.erp.catalog.service;

import java.util.List;

/** A category with its sub-categories, in sort order. */
public record CategoryTree(CategoryRow category, List<CategoryTree> children) {
}
