package com.tsh.erp.events.clients;

/** Why an order's credit was refused ({@link CreditRejected#reason()}). */
public enum CreditRejection {
    CREDIT_LIMIT_EXCEEDED, UNKNOWN_CLIENT, INACTIVE_CLIENT
}
