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

@Entity
@Table(name = "salesperson")
public class Salesperson {

    public enum Kind { INTERNAL, PARTNER_SALESMAN, TRAVEL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(name = "name_ar", nullable = false)
    public String nameAr;

    public String phone;
    public String email;

    @Column(nullable = false)
    public String kind;

    public String region;

    @Column(name = "commission_rate", nullable = false, precision = 5, scale = 2)
    public BigDecimal commissionRate;

    @Column(nullable = false)
    public boolean active = true;

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
