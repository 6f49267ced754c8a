package com.tsh.erp.clients.service;

import com.tsh.erp.events.clients.ClientType;
import java.math.BigDecimal;

/** A client's fields as a create or an edit gives them (validated by the API); {@code active} null keeps it. */
public record ClientInput(String name, String nameAr, ClientType clientType, String phone, String email, String address,
                          String city, String region, Long salespersonId, BigDecimal creditLimit, String zohoContactId,
                          Boolean active) {
}
