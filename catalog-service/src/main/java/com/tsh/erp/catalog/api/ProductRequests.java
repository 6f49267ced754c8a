package com.tsh.erp.catalog.api;

import com.tsh.erp.catalog.service.ProductInput;
import com.tsh.erp.defaults.Money;
import com.tsh.erp.defaults.Sku;
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

    static ProductInput input(ProductFields r, Boolean active) {
        return new ProductInput(r.sku, r.name, r.nameAr, r.description, r.descriptionAr, r.categoryId, r.unit,
                r.retailPrice, r.wholesalePrice, r.costPrice, r.reorderLevel, active, r.imageUrls, r.zohoItemId);
    }

    /** A product's descriptive fields, as a create and an edit both send them. */
    public abstract static class ProductFields {
        public @Sku String sku;
        public @NotBlank @Size(max = 200) String name;
        public @NotBlank @Size(max = 200) String nameAr;
        public @Size(max = 4000) String description;
        public @Size(max = 4000) String descriptionAr;
        public Long categoryId;
        public @Size(max = 32) String unit;
        public @NotNull @Money BigDecimal retailPrice;
        public @NotNull @Money BigDecimal wholesalePrice;
        public @Money BigDecimal costPrice;
        public @PositiveOrZero Integer reorderLevel;
        public @Size(max = 10) List<@NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String> imageUrls;
        public @Size(max = 64) String zohoItemId;
    }

    /** A new product: its fields and the stock it starts with. */
    public static class CreateProduct extends ProductFields {
        public @PositiveOrZero @Max(10_000_000) Integer stockOnHand;
    }

    /** A full replacement of the descriptive fields; stock changes only through stock adjustments. */
    public static class UpdateProduct extends ProductFields {
        public @NotNull @Min(0) Long version;
        public Boolean active;
    }

    /** A counted change of stock on hand (positive: goods in; negative: damaged, lost, counted short). */
    public record StockAdjustment(
            @NotNull @Min(-10_000_000) @Max(10_000_000) Integer quantityDelta,
            @NotBlank @Size(max = 500) String reason) {
    }
}
