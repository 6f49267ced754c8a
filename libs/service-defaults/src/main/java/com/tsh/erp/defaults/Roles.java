package com.tsh.erp.defaults;

import java.util.Set;

/**
 * The role names the gateway puts in an access token's {@code groups}, for {@code @RolesAllowed}. Which role may
 * call which route is written on each resource method (and tabled in the README, "Roles and ownership").
 */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String MANAGER = "MANAGER";
    public static final String ACCOUNTANT = "ACCOUNTANT";
    public static final String WAREHOUSE = "WAREHOUSE";
    public static final String SALESPERSON = "SALESPERSON";
    public static final String PARTNER_SALESMAN = "PARTNER_SALESMAN";
    public static final String TRAVEL_SALESPERSON = "TRAVEL_SALESPERSON";
    public static final String CLIENT = "CLIENT";

    /** Roles that see every client and order (no ownership filter). */
    public static final Set<String> SEE_ALL = Set.of(ADMIN, MANAGER, ACCOUNTANT, WAREHOUSE);
    /** The three salesperson roles: a user with one is one salesperson ({@code salesperson_id}). */
    public static final Set<String> SALES = Set.of(SALESPERSON, PARTNER_SALESMAN, TRAVEL_SALESPERSON);
    /** Roles that may set prices, credit limits and discounts above a salesperson's cap. */
    public static final Set<String> PRICING = Set.of(ADMIN, MANAGER);

    private Roles() {
    }
}
