package com.tsh.erp.events.clients;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A salesperson was created or changed; whole state. Key and aggregate id: the salesperson id.
 *
 * @param commissionRate percent of the order total, e.g. 2.50
 */
public record SalespersonUpserted(
        long salespersonId,
        String name,
        String nameAr,
        String phone,
        String email,
        SalespersonKind kind,
        String region,
        BigDecimal commissionRate,
        boolean active,
        Instant updatedAt) {
}
