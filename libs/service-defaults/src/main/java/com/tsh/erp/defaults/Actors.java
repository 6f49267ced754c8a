package com.tsh.erp.defaults;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * Who caused a change, as recorded in ledgers and events: {@code user:<name>} for an
 * authenticated caller, {@code anonymous} while a request carries no identity, and
 * {@code system:<name>} for work a service does on its own (consumers, jobs).
 */
public final class Actors {

    public static final String ANONYMOUS = "anonymous";

    private Actors() {
    }

    public static String of(SecurityContext security) {
        Principal p = security == null ? null : security.getUserPrincipal();
        return p == null || p.getName() == null || p.getName().isBlank() ? ANONYMOUS : "user:" + p.getName();
    }

    public static String system(String name) {
        return "system:" + name;
    }
}
