package com.tsh.erp.events.clients;

/**
 * A client's type, in events, APIs and the {@code client.client_type} column by its name. A
 * wholesale client buys on credit; a retail client pays at the counter, so its orders need none.
 */
public enum ClientType {
    WHOLESALE, RETAIL
}
