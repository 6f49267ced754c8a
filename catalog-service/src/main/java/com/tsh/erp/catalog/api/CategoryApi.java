package com.tsh.erp.catalog.api;

import com.tsh.erp.catalog.service.CategoryInput;
import com.tsh.erp.catalog.service.CategoryRow;
import com.tsh.erp.catalog.service.CategoryTree;
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

    static CategoryInput input(CreateCategory r) {
        return new CategoryInput(r.name(), r.nameAr(), r.parentId(), r.sortOrder(), null);
    }

    static CategoryInput input(UpdateCategory r) {
        return new CategoryInput(r.name(), r.nameAr(), r.parentId(), r.sortOrder(), r.active());
    }

    static CategoryNode node(CategoryRow c, List<CategoryNode> children) {
        return new CategoryNode(c.id(), c.parentId(), c.name(), c.nameAr(), c.sortOrder(), c.active(), c.version(),
                c.updatedAt(), children);
    }

    static List<CategoryNode> nodes(List<CategoryTree> trees) {
        return trees.stream().map(t -> node(t.category(), nodes(t.children()))).toList();
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
