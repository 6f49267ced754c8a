package com.tsh.erp.clients.domain;

import com.tsh.erp.events.clients.ClientType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A client's descriptive state. The balance (and its version) is not mapped: {@code ClientLedger}
 * alone reads and writes it, so an edit never overwrites a payment made meanwhile.
 */
@Entity
@Table(name = "client")
public class Client extends Versioned {

    @Column(nullable = false)
    public String name;

    @Column(name = "name_ar", nullable = false)
    public String nameAr;

    @Enumerated(EnumType.STRING)
    @Column(name = "client_type", nullable = false)
    public ClientType clientType;

    public String phone;
    public String email;
    public String address;
    public String city;
    public String region;

    @Column(name = "salesperson_id")
    public Long salespersonId;

    @Column(name = "credit_limit", nullable = false, precision = 14, scale = 2)
    public BigDecimal creditLimit = BigDecimal.ZERO;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "zoho_contact_id")
    public String zohoContactId;

    @Column(name = "zoho_modified_at")
    public Instant zohoModifiedAt;

    @Column(name = "search_text", nullable = false)
    public String searchText;
}
