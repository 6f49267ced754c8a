package com.tsh.erp.catalog.api;

import com.tsh.erp.catalog.service.ProductInput;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** Request bodies of the product API. Unknown fields are refused (400). */
public final class ProductRequests {

    private ProductRequests() {
    }

    static ProductInput input(CreateProduct r) {
        return new ProductInput(r.sku(), r.name(), r.nameAr(), r.description(), r.descriptionAr(), r.categoryId(), r.unit(),
                r.retailPrice(), r.wholesalePrice(), r.costPrice(), r.reorderLevel(), null, r.imageUrls(), r.zohoItemId());
    }

    static ProductInput input(UpdateProduct r) {
        return new ProductInput(r.sku(), r.name(), r.nameAr(), r.description(), r.descriptionAr(), r.categoryId(), r.unit(),
                r.retailPrice(), r.wholesalePrice(), r.costPrice(), r.reorderLevel(), r.active(), r.imageUrls(), r.zohoItemId());
    }

    public record CreateProduct(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*", message = "letters, digits and . _ / - only") String sku,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String nameAr,
            @Size(max = 4000) String description,
            @Size(max = 4000) String descriptionAr,
            Long categoryId,
            @Size(max = 32) String unit,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal retailPrice,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal wholesalePrice,
            @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal costPrice,
            @PositiveOrZero @Max(10_000_000) Integer stockOnHand,
            @PositiveOrZero Integer reorderLevel,
            @Size(max = 10) List<@NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String> imageUrls,
            @Size(max = 64) String zohoItemId) {
    }

    /** A full replacement of the descriptive fields; stock changes only through stock adjustments. */
    public record UpdateProduct(
            @NotNull @Min(0) Long version,
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*", message = "letters, digits and . _ / - only") String sku,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String nameAr,
            @Size(max = 4000) String description,
            @Size(max = 4000) String descriptionAr,
            Long categoryId,
            @Size(max = 32) String unit,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal retailPrice,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal wholesalePrice,
            @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal costPrice,
            @PositiveOrZero Integer reorderLevel,
            Boolean active,
            @Size(max = 10) List<@NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String> imageUrls,
            @Size(max = 64) String zohoItemId) {
    }

    /** A counted change of stock on hand (positive: goods in; negative: damaged, lost, counted short). */
    public record StockAdjustment(
            @NotNull @Min(-10_000_000) @Max(10_000_000) Integer quantityDelta,
            @NotBlank @Size(max = 500) String reason) {
    }
}
