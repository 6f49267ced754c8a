package com.tsh.erp.clients.service;

import com.tsh.erp.events.clients.SalespersonKind;
import java.math.BigDecimal;
import java.time.Instant;

/** A salesperson as lists and reads return it. */
public record SalespersonRecord(long id, String name, String nameAr, String phone, String email, SalespersonKind kind,
                                String region, BigDecimal commissionRate, boolean active, Instant updatedAt,
                                long version) {
}
