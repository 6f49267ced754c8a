package com.tsh.erp.clients.service;

/** How a client paid, in the payment API, the statement and the {@code client_ledger.payment_method} column by its name. */
public enum PaymentMethod {
    CASH, BANK_TRANSFER, CHEQUE, CARD
}
