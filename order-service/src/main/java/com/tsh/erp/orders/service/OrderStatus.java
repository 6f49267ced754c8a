package com.tsh.erp.orders.service;

import java.util.Set;

/**
 * An order's life: placed as PENDING; the saga makes it CONFIRMED or REJECTED (no stock, no
 * credit, or no answer in time); a PENDING or CONFIRMED order can be CANCELLED; a CONFIRMED one
 * DELIVERED. REJECTED, CANCELLED and DELIVERED are final.
 */
public enum OrderStatus {
    PENDING, CONFIRMED, REJECTED, CANCELLED, DELIVERED;

    public static final Set<OrderStatus> CANCELLABLE = Set.of(PENDING, CONFIRMED);
}
