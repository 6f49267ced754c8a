package com.tsh.erp.events.catalog;

import java.util.List;

/** Stock for every line of the order is reserved. Key and aggregate id: the order id. */
public record StockReserved(String orderId, List<ReservedLine> lines) {

    public record ReservedLine(long productId, String sku, int quantity) {
    }
}
