package com.tsh.erp.events.catalog;

import java.util.List;

/**
 * Nothing was reserved for the order: at least one line is short (or names a product that does
 * not exist or is inactive). Key and aggregate id: the order id.
 */
public record StockReservationRejected(String orderId, List<ShortLine> shortLines) {

    public record ShortLine(long productId, String sku, int requested, int available, ShortReason reason) {
    }
}
