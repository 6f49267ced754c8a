package com.tsh.erp.gateway.routes;

import static com.tsh.erp.defaults.Roles.ACCOUNTANT;
import static com.tsh.erp.defaults.Roles.ADMIN;
import static com.tsh.erp.defaults.Roles.CLIENT;
import static com.tsh.erp.defaults.Roles.MANAGER;
import static com.tsh.erp.defaults.Roles.PARTNER_SALESMAN;
import static com.tsh.erp.defaults.Roles.SALESPERSON;
import static com.tsh.erp.defaults.Roles.TRAVEL_SALESPERSON;
import static com.tsh.erp.defaults.Roles.WAREHOUSE;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every route the gateway forwards under {@code /api/v1}: the service's own path (the gateway's is {@code /api/v1}
 * followed by it), which service owns it, and the roles that may call it.
 *
 * <p>The roles are the services' own {@code @RolesAllowed}, written once more here so that the gateway refuses a
 * call it knows will be refused without spending a service call on it, and so that a route the services open by
 * mistake to a role stays closed at the entry the apps use. The services remain the authority: they verify the same
 * token and check roles and ownership themselves. {@code RoleMatrixTest} calls every route here with every role,
 * through the gateway and at the service directly, and fails when the two disagree, so this table cannot drift
 * from the services silently.
 *
 * <p>{@link Owned} says how the gateway checks ownership a second time, on the answer: an object of another
 * salesperson or client (which the service should never have returned) becomes 404, and such list items are
 * dropped, each logged as an error.
 */
public final class RouteTable {

    /** Which field of an answer (or of each item of a page) names the owner the caller must be. */
    public enum Owned {
        /** Nothing to check (the catalog, or roles that see everything). */
        NONE,
        /** A client: its {@code id} and its {@code salesperson_id}. */
        CLIENT,
        /** An order: its {@code client_id} and its {@code salesperson_id}. */
        ORDER
    }

    public record Route(String method, String template, Upstream service, Set<String> roles, Owned owned, boolean list) {

        Pattern pattern() {
            return Pattern.compile(Stream.of(template.substring(1).split("/"))
                    .map(part -> part.startsWith("{") ? "[^/]+" : Pattern.quote(part)).collect(Collectors.joining("/", "/", "")));
        }
    }

    private static final Set<String> EVERYONE = Set.of(ADMIN, MANAGER, ACCOUNTANT, WAREHOUSE, SALESPERSON, PARTNER_SALESMAN,
            TRAVEL_SALESPERSON, CLIENT);
    private static final Set<String> PRICING = Set.of(ADMIN, MANAGER);
    private static final Set<String> OFFICE = Set.of(ADMIN, MANAGER, ACCOUNTANT);
    private static final Set<String> SEE_ALL = Set.of(ADMIN, MANAGER, ACCOUNTANT, WAREHOUSE);
    private static final Set<String> MANAGERS_AND_SALES = Set.of(ADMIN, MANAGER, SALESPERSON, PARTNER_SALESMAN, TRAVEL_SALESPERSON);
    private static final Set<String> OFFICE_AND_SALES = Set.of(ADMIN, MANAGER, ACCOUNTANT, SALESPERSON, PARTNER_SALESMAN,
            TRAVEL_SALESPERSON);

    /** In matching order: a literal segment comes before a template variable in the same place. */
    public static final List<Route> ROUTES = List.of(
            // catalog-service
            route("GET", "/products/by-sku/{sku}", Upstream.CATALOG, EVERYONE),
            route("GET", "/products/{id}/stock-ledger", Upstream.CATALOG, SEE_ALL),
            route("POST", "/products/exports", Upstream.CATALOG, SEE_ALL),
            route("POST", "/products/imports", Upstream.CATALOG, PRICING),
            route("POST", "/products/inventory-report", Upstream.CATALOG, SEE_ALL),
            route("GET", "/products/{id}", Upstream.CATALOG, EVERYONE),
            list("GET", "/products", Upstream.CATALOG, EVERYONE, Owned.NONE),
            route("POST", "/products", Upstream.CATALOG, PRICING),
            route("PUT", "/products/{id}", Upstream.CATALOG, PRICING),
            route("POST", "/products/{id}/deactivate", Upstream.CATALOG, PRICING),
            route("POST", "/products/{id}/stock-adjustments", Upstream.CATALOG, Set.of(ADMIN, MANAGER, WAREHOUSE)),
            list("GET", "/categories", Upstream.CATALOG, EVERYONE, Owned.NONE),
            route("POST", "/categories", Upstream.CATALOG, PRICING),
            route("PUT", "/categories/{id}", Upstream.CATALOG, PRICING),
            route("POST", "/categories/{id}/deactivate", Upstream.CATALOG, PRICING),
            // client-service
            route("POST", "/clients/exports", Upstream.CLIENTS, OFFICE),
            route("POST", "/clients/imports", Upstream.CLIENTS, PRICING),
            list("GET", "/clients", Upstream.CLIENTS, EVERYONE, Owned.CLIENT),
            owned("GET", "/clients/{id}", Upstream.CLIENTS, EVERYONE, Owned.CLIENT),
            route("POST", "/clients", Upstream.CLIENTS, MANAGERS_AND_SALES),
            route("PUT", "/clients/{id}", Upstream.CLIENTS, MANAGERS_AND_SALES),
            route("POST", "/clients/{id}/deactivate", Upstream.CLIENTS, PRICING),
            route("PUT", "/clients/{id}/salesperson", Upstream.CLIENTS, PRICING),
            route("GET", "/clients/{id}/statement", Upstream.CLIENTS, Set.of(ADMIN, MANAGER, ACCOUNTANT, SALESPERSON, PARTNER_SALESMAN,
                    TRAVEL_SALESPERSON, CLIENT)),
            route("POST", "/clients/{id}/payments", Upstream.CLIENTS, OFFICE),
            route("POST", "/clients/{id}/adjustments", Upstream.CLIENTS, OFFICE),
            // order-service's commission lives under the salespeople's path: before client-service's {id} routes
            route("GET", "/salespeople/{id}/commission", Upstream.ORDERS, OFFICE_AND_SALES),
            list("GET", "/salespeople/{id}/clients", Upstream.CLIENTS, OFFICE_AND_SALES, Owned.CLIENT),
            route("GET", "/salespeople", Upstream.CLIENTS, OFFICE),
            route("GET", "/salespeople/{id}", Upstream.CLIENTS, OFFICE_AND_SALES),
            route("POST", "/salespeople", Upstream.CLIENTS, PRICING),
            route("PUT", "/salespeople/{id}", Upstream.CLIENTS, PRICING),
            route("POST", "/salespeople/{id}/deactivate", Upstream.CLIENTS, PRICING),
            // order-service
            route("GET", "/orders/stats", Upstream.ORDERS, OFFICE),
            owned("GET", "/orders/by-number/{number}", Upstream.ORDERS, EVERYONE, Owned.ORDER),
            owned("GET", "/orders/{id}", Upstream.ORDERS, EVERYONE, Owned.ORDER),
            list("GET", "/orders", Upstream.ORDERS, EVERYONE, Owned.ORDER),
            route("POST", "/orders", Upstream.ORDERS, Set.of(ADMIN, MANAGER, SALESPERSON, PARTNER_SALESMAN, TRAVEL_SALESPERSON, CLIENT)),
            route("POST", "/orders/{id}/cancel", Upstream.ORDERS, MANAGERS_AND_SALES),
            route("POST", "/orders/{id}/deliver", Upstream.ORDERS, Set.of(ADMIN, MANAGER, WAREHOUSE)),
            // zoho-sync-service
            route("GET", "/sync/status", Upstream.ZOHO_SYNC, OFFICE),
            route("GET", "/sync/failures", Upstream.ZOHO_SYNC, OFFICE),
            route("POST", "/sync/failures/{id}/retry", Upstream.ZOHO_SYNC, Set.of(ADMIN, ACCOUNTANT)),
            route("POST", "/sync/jobs", Upstream.ZOHO_SYNC, Set.of(ADMIN)),
            route("GET", "/sync/jobs/{id}", Upstream.ZOHO_SYNC, OFFICE),
            route("GET", "/sync/mappings", Upstream.ZOHO_SYNC, OFFICE));

    private static final List<Pattern> PATTERNS = ROUTES.stream().map(Route::pattern).toList();

    private RouteTable() {
    }

    private static Route route(String method, String template, Upstream service, Set<String> roles) {
        return new Route(method, template, service, roles, Owned.NONE, false);
    }

    private static Route owned(String method, String template, Upstream service, Set<String> roles, Owned owned) {
        return new Route(method, template, service, roles, owned, false);
    }

    private static Route list(String method, String template, Upstream service, Set<String> roles, Owned owned) {
        return new Route(method, template, service, roles, owned, true);
    }

    /**
     * Whether a path (raw, as sent: percent-encoded) has a segment that could climb out of its place once decoded
     * ({@code .}, {@code ..}, an encoded dot, slash or backslash): such a path is refused before any matching, so no
     * service ever receives one through the gateway.
     */
    public static boolean climbs(String path) {
        for (String segment : path.split("/")) {
            String lower = segment.toLowerCase(java.util.Locale.ROOT);
            if (segment.equals(".") || segment.equals("..") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e")) {
                return true;
            }
        }
        return false;
    }

    /** The route for a method and a service path (raw, as sent), or null. The caller refuses a path that {@link #climbs} first. */
    public static Route match(String method, String path) {
        for (int i = 0; i < ROUTES.size(); i++) {
            Route r = ROUTES.get(i);
            if (r.method().equals(method) && PATTERNS.get(i).matcher(path).matches()) {
                return r;
            }
        }
        return null;
    }

    /** Whether some route has this path with another method (405 rather than 404). */
    public static List<String> methodsOf(String path) {
        List<String> methods = new ArrayList<>();
        for (int i = 0; i < ROUTES.size(); i++) {
            if (PATTERNS.get(i).matcher(path).matches() && !methods.contains(ROUTES.get(i).method())) {
                methods.add(ROUTES.get(i).method());
            }
        }
        return methods;
    }
}
