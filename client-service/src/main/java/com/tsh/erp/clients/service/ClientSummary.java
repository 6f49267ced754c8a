package com.tsh.erp.clients.service;

import com.tsh.erp.events.clients.ClientType;
/** A client's list fields. */
public record ClientSummary(long id, String name, String nameAr, ClientType clientType, String phone, String city,
                            String region, Long salespersonId, boolean active) {
}
