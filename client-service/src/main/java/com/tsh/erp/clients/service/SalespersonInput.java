package com.tsh.erp.clients.service;

import com.tsh.erp.events.clients.SalespersonKind;
import java.math.BigDecimal;

/** A salesperson's fields as a create or an edit gives them (validated by the API); {@code active} null keeps it. */
public record SalespersonInput(String name, String nameAr, String phone, String email, SalespersonKind kind, String region,
                               BigDecimal commissionRate, Boolean active) {
}
