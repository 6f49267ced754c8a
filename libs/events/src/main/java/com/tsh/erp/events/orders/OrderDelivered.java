package com.tsh.erp.events.orders;

import java.time.Instant;

/** The order reached the client: reserved stock leaves the warehouse, the client's balance rises. */
public record OrderDelivered(String orderId, Instant deliveredAt) {
}
