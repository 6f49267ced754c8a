package com.tsh.erp.events.catalog;

import java.util.List;

/**
 * Nothing was reserved for the order: at least one line is short (or names a product that does
 * not exist or is inactive). Key and aggregate id: the order id.
 */
public record StockReservationRejected(String orderId, List<ShortLine> shortLines) {

    /**
     * @param requested the units the order asks of the product (all its lines together); a total beyond
     *                  the int range (more than any product can hold: {@code INVALID_QUANTITY}) is given as
     *                  2147483647 (or -2147483648)
     */
    public record ShortLine(long productId, String sku, int requested, int available, ShortReason reason) {
    }
}
