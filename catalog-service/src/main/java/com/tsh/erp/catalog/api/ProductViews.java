package com.tsh.erp.catalog.api;

import com.tsh.erp.catalog.service.ProductSummary;
import com.tsh.erp.catalog.service.ProductWithStock;
import com.tsh.erp.catalog.service.StockLedger;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.events.catalog.StockChangeReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Response bodies of the product API. Lists carry list fields only; the detail carries everything.
 * Every field is always sent; {@code nullable} marks the ones that may be {@code null}.
 */
public final class ProductViews {

    private ProductViews() {
    }

    static ProductListItem listItem(ProductSummary p) {
        return new ProductListItem(p.id(), p.sku(), p.name(), p.nameAr(), p.categoryId(), p.unit(), p.retailPrice(),
                p.wholesalePrice(), p.available(), p.active(), p.imageUrl());
    }

    static Page<ProductListItem> listPage(Page<ProductSummary> page) {
        return new Page<>(page.items().stream().map(ProductViews::listItem).toList(), page.page(), page.perPage(), page.hasMore());
    }

    static ProductDetail detail(ProductWithStock p) {
        return new ProductDetail(p.id(), p.sku(), p.name(), p.nameAr(), p.description(), p.descriptionAr(), p.categoryId(),
                p.unit(), p.retailPrice(), p.wholesalePrice(), p.costPrice(), p.stock().stockOnHand(), p.stock().reserved(),
                p.stock().available(), p.reorderLevel(), p.active(), p.imageUrls(), p.zohoItemId(), p.createdAt(),
                p.updatedAt(), p.version());
    }

    static StockFigures figures(StockLedger.Stock s) {
        return new StockFigures(s.productId(), s.sku(), s.stockOnHand(), s.reserved(), s.available());
    }

    static LedgerEntry entry(StockLedger.Entry e) {
        return new LedgerEntry(e.id(), e.reason(), e.onHandDelta(), e.reservedDelta(), e.onHandAfter(),
                e.reservedAfter(), e.orderId(), e.note(), e.actor(), e.createdAt());
    }

    public record ProductListItem(long id, String sku, String name, String nameAr,
                                  @Schema(nullable = true) Long categoryId, String unit,
                                  BigDecimal retailPrice, BigDecimal wholesalePrice, int available, boolean active,
                                  @Schema(nullable = true, description = "The first image, if any") String imageUrl) {
    }

    public record ProductDetail(long id, String sku, String name, String nameAr,
                                @Schema(nullable = true) String description, @Schema(nullable = true) String descriptionAr,
                                @Schema(nullable = true) Long categoryId, String unit, BigDecimal retailPrice,
                                BigDecimal wholesalePrice, @Schema(nullable = true) BigDecimal costPrice, int stockOnHand,
                                int reserved, int available, int reorderLevel, boolean active, List<String> imageUrls,
                                @Schema(nullable = true) String zohoItemId, Instant createdAt, Instant updatedAt, long version) {
    }

    public record StockFigures(long productId, String sku, int stockOnHand, int reserved, int available) {
    }

    public record LedgerEntry(long id,
                              StockChangeReason reason,
                              int onHandDelta, int reservedDelta, int onHandAfter, int reservedAfter,
                              @Schema(nullable = true) String orderId, @Schema(nullable = true) String note, String actor,
                              Instant createdAt) {
    }

    /** What a page of products looks like on the wire (a {@code Page<ProductListItem>}); for the API document. */
    @Schema(description = "One page of products; `has_more` says whether a next page exists")
    public record ProductPage(List<ProductListItem> items, int page, int perPage, boolean hasMore) {
    }

    /** What the products asked by id look like on the wire (a {@code Batch<ProductListItem>}); for the API document. */
    @Schema(description = "The products asked for with `ids`, in the order asked; `missing`: the ids asked that do not exist")
    public record ProductBatch(List<ProductListItem> items, List<Long> missing) {
    }
}
