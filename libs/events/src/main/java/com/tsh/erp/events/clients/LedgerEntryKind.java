package com.tsh.erp.events.clients;

/**
 * What a client's ledger entry records, in {@link BalanceChanged}, the statement and the
 * {@code client_ledger.kind} column by its name.
 */
public enum LedgerEntryKind {
    ORDER_DELIVERED, PAYMENT, CREDIT_NOTE, ADJUSTMENT
}
