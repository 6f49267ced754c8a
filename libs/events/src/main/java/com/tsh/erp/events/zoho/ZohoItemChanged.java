package com.tsh.erp.events.zoho;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An item as Zoho Inventory holds it, pulled in by zoho-sync-service. Field meanings follow
 * Zoho's item (item_id, name, sku, rate, purchase_rate, unit, status, stock_on_hand,
 * reorder_level, last_modified_time); {@code nameAr} and {@code wholesaleRate} come from the
 * item's custom fields and price book when Zoho has them. Key and aggregate id: the Zoho item id.
 *
 * @param status active or inactive
 */
public record ZohoItemChanged(
        String zohoItemId,
        String sku,
        String name,
        String nameAr,
        String description,
        BigDecimal rate,
        BigDecimal wholesaleRate,
        BigDecimal purchaseRate,
        String unit,
        String status,
        Integer stockOnHand,
        Integer reorderLevel,
        Instant lastModifiedTime) {
}
