package com.tsh.erp.events.clients;

import java.math.BigDecimal;

/**
 * The order would take the client past the credit limit (or the client is unknown or inactive).
 * Carries the figures: balance + reserved credit + order total &gt; credit limit. Key and
 * aggregate id: the order id.
 */
public record CreditRejected(String orderId, long clientId, CreditRejection reason, BigDecimal creditLimit, BigDecimal balance,
                             BigDecimal reservedCredit, BigDecimal orderTotal, BigDecimal availableCredit) {
}
