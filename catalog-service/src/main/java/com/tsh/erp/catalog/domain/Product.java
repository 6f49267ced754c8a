package com.tsh.erp.catalog.domain;

import com.tsh.erp.text.SearchText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.SourceType;
import org.hibernate.annotations.UpdateTimestamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A product's descriptive state. Its stock figures ({@code stock_on_hand}, {@code reserved},
 * {@code available}, {@code stock_version}) are not mapped: {@code StockLedger} alone reads and
 * writes them, so editing a price can never overwrite a reservation made meanwhile, and nothing
 * here goes stale when the ledger changes them. The timestamps are the database's transaction
 * time ({@code now()}, which the ledger also writes), so the entity and the row agree without a
 * reload after a stock change in the same transaction.
 */
@Entity
@Table(name = "product")
public class Product extends Versioned {

    @Column(nullable = false)
    public String sku;

    @Column(nullable = false)
    public String name;

    @Column(name = "name_ar", nullable = false)
    public String nameAr;

    public String description;

    @Column(name = "description_ar")
    public String descriptionAr;

    @Column(name = "category_id")
    public Long categoryId;

    @Column(nullable = false)
    public String unit;

    @Column(name = "retail_price", nullable = false, precision = 14, scale = 2)
    public BigDecimal retailPrice;

    @Column(name = "wholesale_price", nullable = false, precision = 14, scale = 2)
    public BigDecimal wholesalePrice;

    @Column(name = "cost_price", precision = 14, scale = 2)
    public BigDecimal costPrice;

    @Column(name = "reorder_level", nullable = false)
    public int reorderLevel;

    @Column(nullable = false)
    public boolean active = true;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "image_urls", nullable = false, columnDefinition = "text[]")
    public List<String> imageUrls = new ArrayList<>();

    @Column(name = "zoho_item_id")
    public String zohoItemId;

    @Column(name = "zoho_modified_at")
    public Instant zohoModifiedAt;

    @Column(name = "search_text", nullable = false)
    public String searchText;

    @CreationTimestamp(source = SourceType.DB)
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp(source = SourceType.DB)
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Call after changing the SKU or a name: what search matches against. */
    public void refreshSearchText() {
        searchText = searchText(sku, name, nameAr);
    }

    /** The stored search text of a product (libs/text's document of its SKU, name and Arabic name). */
    public static String searchText(String sku, String name, String nameAr) {
        return SearchText.document(sku, name, nameAr);
    }
}
