package com.tsh.erp.clients.service;

import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.clients.service.ClientLedger.Figures;
import java.math.BigDecimal;
import java.time.Instant;

/** The whole client: its descriptive state (the entity's, at {@code version}) and its money figures (the ledger's, read live). */
public record ClientWithFigures(long id, String name, String nameAr, ClientType clientType, String phone, String email,
                                String address, String city, String region, Long salespersonId, BigDecimal creditLimit,
                                boolean active, String zohoContactId, Instant createdAt, Instant updatedAt, long version,
                                Figures figures) {

    /** Credit limit less balance and held credit; null for retail clients (they buy without credit). */
    public BigDecimal availableCredit() {
        return clientType == ClientType.WHOLESALE ? figures.availableCredit() : null;
    }
}
