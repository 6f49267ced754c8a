package com.tsh.erp.events.orders;

import com.tsh.erp.events.clients.ClientType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order was stored as PENDING; catalog-service reserves its stock and client-service its
 * credit. Key and aggregate id: the order id.
 *
 * @param clientType retail orders need no credit
 */
public record OrderPlaced(
        String orderId,
        long clientId,
        ClientType clientType,
        Long salespersonId,
        List<OrderLine> lines,
        BigDecimal total,
        String currency,
        Instant placedAt) {
}
