package com.tsh.erp.gateway.service;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** What a user may be; a token's {@code groups} claim carries these names. */
public enum Role {
    ADMIN, MANAGER, ACCOUNTANT, WAREHOUSE, SALESPERSON, PARTNER_SALESMAN, TRAVEL_SALESPERSON, CLIENT;

    /** The roles that act as one salesperson of client-service: they need a {@code salesperson_id}. */
    public static final Set<Role> SALESPEOPLE = EnumSet.of(SALESPERSON, PARTNER_SALESMAN, TRAVEL_SALESPERSON);

    public static boolean anySalesperson(Collection<Role> roles) {
        return roles.stream().anyMatch(SALESPEOPLE::contains);
    }
}
