package com.tsh.erp.catalog.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the category API. */
public final class CategoryApi {

    private CategoryApi() {
    }

    public record CreateCategory(@NotBlank @Size(max = 120) String name, @NotBlank @Size(max = 120) String nameAr,
                                 Long parentId, @Min(0) Integer sortOrder) {
    }

    public record UpdateCategory(@NotNull @Min(0) Long version, @NotBlank @Size(max = 120) String name,
                                 @NotBlank @Size(max = 120) String nameAr, Long parentId, @Min(0) Integer sortOrder,
                                 Boolean active) {
    }

    /** A category with its sub-categories, in sort order. */
    public record CategoryNode(long id, @Schema(nullable = true) Long parentId, String name, String nameAr, int sortOrder, boolean active,
                               long version, Instant updatedAt, List<CategoryNode> children) {
    }
}
