package com.tsh.erp.clients.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A client's descriptive state. The balance (and its version) is not mapped: {@code ClientLedger}
 * alone reads and writes it, so an edit never overwrites a payment made meanwhile.
 */
@Entity
@Table(name = "client")
public class Client {

    public enum Type { WHOLESALE, RETAIL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(name = "name_ar", nullable = false)
    public String nameAr;

    @Column(name = "client_type", nullable = false)
    public String clientType;

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

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
