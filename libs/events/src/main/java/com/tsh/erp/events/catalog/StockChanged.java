package com.tsh.erp.events.catalog;

/**
 * A product's stock figures changed. Carries the new figures (not only the delta), so a reader's
 * copy is right after any one event; the deltas and reason say why.
 *
 * @param orderId the order behind a reservation, release or delivery; null otherwise
 */
public record StockChanged(
        long productId,
        String sku,
        StockChangeReason reason,
        int onHandDelta,
        int reservedDelta,
        int stockOnHand,
        int reserved,
        int available,
        String orderId) {
}
