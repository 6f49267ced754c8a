package com.tsh.erp.events.clients;

/** What kind of salesperson, in events, APIs and the {@code salesperson.kind} column by its name. */
public enum SalespersonKind {
    INTERNAL, PARTNER_SALESMAN, TRAVEL
}
