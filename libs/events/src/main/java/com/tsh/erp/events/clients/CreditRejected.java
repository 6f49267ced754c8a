package com.tsh.erp.events.clients;

import java.math.BigDecimal;

/**
 * The order would take the client past the credit limit (or the client is unknown or inactive).
 * Carries the figures: balance + reserved credit + order total &gt; credit limit. Key and
 * aggregate id: the order id.
 *
 * @param reason CREDIT_LIMIT_EXCEEDED, UNKNOWN_CLIENT or INACTIVE_CLIENT
 */
public record CreditRejected(String orderId, long clientId, String reason, BigDecimal creditLimit, BigDecimal balance,
                             BigDecimal reservedCredit, BigDecimal orderTotal, BigDecimal availableCredit) {
}
