package com.tsh.erp.events.orders;

import com.tsh.erp.events.clients.ClientType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Both answers of the saga were yes: the stock of every line and the client's credit are
 * reserved, and the order stands. Carries the whole order as priced, for the Zoho sync (a Books
 * sales order with {@code orderNumber} as its {@code salesorder_number}) and for the apps. Key and
 * aggregate id: the order id; aggregate version: the order's version (placing is 1, each
 * transition raises it).
 *
 * @param orderNumber     the human number, {@code SO-<year>-<6 digits>}
 * @param discountPercent the order discount asked for, e.g. 5.00
 * @param discount        subtotal x discountPercent / 100, rounded half-up to 2 places (the only rounding)
 * @param total           subtotal - discount
 */
public record OrderConfirmed(
        String orderId,
        String orderNumber,
        long clientId,
        ClientType clientType,
        Long salespersonId,
        List<ConfirmedLine> lines,
        BigDecimal subtotal,
        BigDecimal discountPercent,
        BigDecimal discount,
        BigDecimal total,
        String currency,
        String note,
        Instant placedAt,
        Instant confirmedAt) {

    /** A line as priced when the order was placed (a snapshot of the product then). */
    public record ConfirmedLine(long productId, String sku, String name, String nameAr, int quantity, BigDecimal unitPrice,
                                BigDecimal lineTotal) {
    }
}
