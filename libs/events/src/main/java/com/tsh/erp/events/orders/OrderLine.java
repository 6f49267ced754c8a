package com.tsh.erp.events.orders;

import java.math.BigDecimal;

/** One line of an order as placed: the product, how many, and the unit price it was priced at. */
public record OrderLine(long productId, String sku, int quantity, BigDecimal unitPrice) {
}
