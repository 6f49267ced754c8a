package com.tsh.erp.gateway.feed;

import com.tsh.erp.gateway.feed.ChangeCursor.Kind;
import com.tsh.erp.gateway.service.Role;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The apps' offline change feed: what changed since the phone's cursor, page by page. Any signed-in user; clients
 * only as far as the user may see them (all for ADMIN, MANAGER, ACCOUNTANT and WAREHOUSE; a salesperson role its
 * own salesperson's clients; CLIENT its own client), products and categories for everyone.
 */
@Path("/mobile/v1/changes")
@Tag(name = "Mobile")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ChangeFeedResource {

    /** Records per page: mobile lists are at most 50. */
    public static final int MAX_LIMIT = 50;
    static final Set<Role> SEE_ALL_CLIENTS = EnumSet.of(Role.ADMIN, Role.MANAGER, Role.ACCOUNTANT, Role.WAREHOUSE);

    @Inject
    ChangeFeed feed;
    @Inject
    JsonWebToken jwt;

    @GET
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "A page of changes, in the order they were made, and the cursor to continue from")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public FeedView.Page changes(
            @QueryParam("since") @Size(max = 200)
            @Parameter(description = "The next_cursor of the previous answer (opaque). Without it: the current state of every record "
                    + "the caller may see (records already inactive are left out), page by page; a cursor this server did not give, "
                    + "or one made for other types or another user's view, is 400 naming since (sync again without it)") String since,
            @QueryParam("types") @Pattern(regexp = "(products|categories|clients)(,(products|categories|clients))*",
                    message = "must be a comma-separated list of products, categories and clients")
            @Parameter(description = "The record types, comma-separated (default all three); a cursor keeps the types it was made for") String types,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_LIMIT)
            @Parameter(description = "Changes per page, at most 50") int limit) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        if (types == null) {
            kinds = EnumSet.allOf(Kind.class);
        } else {
            for (String t : types.split(",")) {
                kinds.add(Kind.valueOf(t));
            }
        }
        ChangeFeed.Scope scope = scope();
        ChangeCursor cursor = null;
        if (since != null) {
            cursor = ChangeCursor.decode(since);
            if (!cursor.types().equals(kinds)) {
                throw ChangeCursor.bad("was made for types=" + String.join(",", cursor.types().stream().map(Kind::name).toList())
                        + ": send the same types, or sync these types again without since");
            }
            if (!cursor.scope().equals(scope.code())) {
                throw ChangeCursor.bad("was made for another view of the clients (another user, or your salesperson or client changed): "
                        + "sync again without since");
            }
        }
        return feed.page(cursor, kinds, scope, limit);
    }

    /** Whose clients the caller sees, from the token's roles and claims. */
    private ChangeFeed.Scope scope() {
        Set<String> groups = jwt.getGroups();
        if (groups != null && SEE_ALL_CLIENTS.stream().anyMatch(r -> groups.contains(r.name()))) {
            return ChangeFeed.Scope.all();
        }
        Long salesperson = longClaim("salesperson_id");
        if (groups != null && Role.SALESPEOPLE.stream().anyMatch(r -> groups.contains(r.name())) && salesperson != null) {
            return ChangeFeed.Scope.salesperson(salesperson);
        }
        Long client = longClaim("client_id");
        if (groups != null && groups.contains(Role.CLIENT.name()) && client != null) {
            return ChangeFeed.Scope.client(client);
        }
        return ChangeFeed.Scope.none();
    }

    private Long longClaim(String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof JsonNumber n) {
            return n.longValue();
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof JsonString s) {
            return Long.valueOf(s.getString());
        }
        return null;
    }
}
