package com.tsh.erp.clients.service;

/** A client's list fields. */
public record ClientSummary(long id, String name, String nameAr, String clientType, String phone, String city,
                            String region, Long salespersonId, boolean active) {
}
