package com.tsh.erp.gateway.feed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What {@code GET /mobile/v1/changes} answers: records as the apps keep them offline. */
public final class FeedView {

    private FeedView() {
    }

    /** A product as the apps keep it (no cost price, no stock figures: stock is read live). */
    @Schema(name = "FeedProduct")
    public record Product(long id, String sku, String name, String nameAr,
                          @Schema(nullable = true) String description,
                          @Schema(nullable = true) String descriptionAr,
                          @Schema(nullable = true) Long categoryId,
                          String unit, BigDecimal retailPrice, BigDecimal wholesalePrice, List<String> imageUrls,
                          boolean active, Instant updatedAt) {
    }

    @Schema(name = "FeedCategory")
    public record Category(long id, @Schema(nullable = true) Long parentId, String name, String nameAr, int sortOrder,
                           boolean active, Instant updatedAt) {
    }

    @Schema(name = "FeedClient")
    public record Client(long id, String name, String nameAr,
                         @Schema(enumeration = {"WHOLESALE", "RETAIL"}) String clientType,
                         @Schema(nullable = true) String phone,
                         @Schema(nullable = true) String email,
                         @Schema(nullable = true) String address,
                         @Schema(nullable = true) String city,
                         @Schema(nullable = true) String region,
                         @Schema(nullable = true) Long salespersonId,
                         BigDecimal creditLimit, boolean active, Instant updatedAt) {
    }

    /**
     * One record's latest change. {@code change}: {@code upserted} (the record as it is now: keep it),
     * {@code deactivated} (taken out of use: drop it or mark it; its last state when known), {@code removed} (no
     * longer yours to see, e.g. a client moved to another salesperson: drop it). Exactly the field of its
     * {@code type} carries the record, the others are null; a removed record carries none.
     */
    @Schema(name = "FeedChange")
    public record Change(
            @Schema(enumeration = {"product", "category", "client"}) String type,
            long id,
            @Schema(description = "The record's version (the event's aggregateVersion)") long version,
            @Schema(enumeration = {"upserted", "deactivated", "removed"}) String change,
            @Schema(nullable = true, type = SchemaType.OBJECT, implementation = Product.class) Product product,
            @Schema(nullable = true, type = SchemaType.OBJECT, implementation = Category.class) Category category,
            @Schema(nullable = true, type = SchemaType.OBJECT, implementation = Client.class) Client client) {
    }

    @Schema(name = "FeedPage")
    public record Page(
            @Schema(description = "At most `limit` changes, in the order they were made") List<Change> items,
            @Schema(description = "Send it back as `since` for what changes after this page (also when has_more is false: "
                    + "the next sync starts there)") String nextCursor,
            @Schema(description = "true: more changes are waiting now, ask again with next_cursor at once") boolean hasMore) {
    }
}
