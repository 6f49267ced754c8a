package com.tsh.erp.events.orders;

import java.time.Instant;

/** The order was cancelled; what was reserved for it is released. */
public record OrderCancelled(String orderId, String reason, Instant cancelledAt) {
}
