package com.tsh.erp.events.orders;

import java.time.Instant;

/** The saga rejected the order (no stock or no credit); whatever was reserved for it is released. */
public record OrderRejected(String orderId, String reason, Instant rejectedAt) {
}
