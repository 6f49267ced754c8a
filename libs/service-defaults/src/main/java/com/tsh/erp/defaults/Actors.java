package com.tsh.erp.defaults;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who caused a change, as recorded in ledgers and events: {@code user:<id>} for a caller with the
 * gateway's access token (its {@code sub}, the gateway's user id; the principal's name would be the
 * token's {@code upn}, a username that can be renamed), {@code anonymous} while a request carries no identity, and
 * {@code system:<name>} for work a service does on its own (consumers, jobs).
 */
public final class Actors {

    public static final String ANONYMOUS = "anonymous";

    private Actors() {
    }

    public static String of(SecurityContext security) {
        Principal p = security == null ? null : security.getUserPrincipal();
        if (p instanceof JsonWebToken jwt && jwt.getSubject() != null && !jwt.getSubject().isBlank()) {
            return "user:" + jwt.getSubject();
        }
        return p == null || p.getName() == null || p.getName().isBlank() ? ANONYMOUS : "user:" + p.getName();
    }

    public static String system(String name) {
        return "system:" + name;
    }
}
