package com.tsh.erp.events.clients;

import java.math.BigDecimal;

/**
 * The order's total is held against the client's credit limit (wholesale), or the order needs no
 * credit (retail: {@code amount} 0). Key and aggregate id: the order id.
 */
public record CreditReserved(String orderId, long clientId, BigDecimal amount) {
}
