package com.tsh.erp.events.clients;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A client was created or changed; its whole state except money owed (that is BalanceChanged,
 * never cached). Key and aggregate id: the client id.
 *
 * @param phone      E.164, e.g. +9647701234567
 */
public record ClientUpserted(
        long clientId,
        String name,
        String nameAr,
        ClientType clientType,
        String phone,
        String email,
        String address,
        String city,
        String region,
        Long salespersonId,
        BigDecimal creditLimit,
        boolean active,
        String zohoContactId,
        Instant createdAt,
        Instant updatedAt) {
}
