package com.tsh.erp.clients.domain;

import com.tsh.erp.events.clients.SalespersonKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "salesperson")
public class Salesperson extends Versioned {

    @Column(nullable = false)
    public String name;

    @Column(name = "name_ar", nullable = false)
    public String nameAr;

    public String phone;
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SalespersonKind kind;

    public String region;

    @Column(name = "commission_rate", nullable = false, precision = 5, scale = 2)
    public BigDecimal commissionRate;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "search_text", nullable = false)
    public String searchText;
}
