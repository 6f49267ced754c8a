package com.tsh.erp.defaults;

import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who calls, as the gateway's access token says: the user id ({@code sub}), the roles ({@code groups}) and the
 * salesperson or client the user is. {@link #scope()} is the ownership rule every service applies to what it
 * owns: ADMIN, MANAGER, ACCOUNTANT and WAREHOUSE see everything; a salesperson role sees its own salesperson's
 * clients and their orders; a CLIENT sees only its own client. A user with roles of two kinds gets the wider.
 * Someone else's object is answered as missing (404), never 403, so that ids do not leak what exists.
 */
public record Caller(String subject, Set<String> roles, Long salespersonId, Long clientId) {

    public enum Scope { ALL, SALESPERSON, CLIENT, NONE }

    public static Caller of(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof JsonWebToken jwt) {
            return new Caller(jwt.getSubject(), jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups()),
                    number(jwt.getClaim("salesperson_id")), number(jwt.getClaim("client_id")));
        }
        return new Caller(null, Set.of(), null, null);
    }

    private static Long number(Object claim) {
        if (claim instanceof jakarta.json.JsonNumber n) {
            return n.longValue();
        }
        if (claim instanceof Number n) {
            return n.longValue();
        }
        if (claim instanceof String s && !s.isBlank()) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(Set<String> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    public Scope scope() {
        if (hasAny(Roles.SEE_ALL)) {
            return Scope.ALL;
        }
        if (hasAny(Roles.SALES) && salespersonId != null) {
            return Scope.SALESPERSON;
        }
        if (has(Roles.CLIENT) && clientId != null) {
            return Scope.CLIENT;
        }
        return Scope.NONE;
    }

    /** May set prices, credit limits and discounts above a salesperson's cap. */
    public boolean setsPrices() {
        return hasAny(Roles.PRICING);
    }

    /** The salesperson whose clients are all this caller may see, or null when the scope is not SALESPERSON. */
    public Long ownSalesperson() {
        return scope() == Scope.SALESPERSON ? salespersonId : null;
    }

    /** The one client this caller may see, or null when the scope is not CLIENT. */
    public Long ownClient() {
        return scope() == Scope.CLIENT ? clientId : null;
    }
}
