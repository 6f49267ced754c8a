package com.tsh.erp.events;

/** A message that can never be applied as it is (not JSON, not an envelope, payload off-contract). */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }
}
