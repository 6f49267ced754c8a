package com.tsh.erp.gateway.feed;

import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.defaults.PageParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log: every change made through the system, newest first (ADMIN only). */
@Path("/api/v1/audit")
@Tag(name = "Audit")
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    /** The aggregate types the audited topics carry ({@code AuditLogTest} checks them against libs/events), and the gateway's users. */
    static final String ENTITIES = "Product|Category|Client|Salesperson|Order|StockReservation|CreditReservation|User";
    /** The event types of the audited topics (every topic but zoho.inbound; checked against libs/events too) and the user changes. */
    static final String ACTIONS = "ProductUpserted|ProductDeactivated|CategoryUpserted|StockChanged|StockReserved|StockReservationRejected"
            + "|ClientUpserted|SalespersonUpserted|BalanceChanged|CreditReserved|CreditRejected"
            + "|OrderPlaced|OrderConfirmed|OrderCancelled|OrderRejected|OrderDelivered"
            + "|UserCreated|UserUpdated|UserPasswordChanged";
    /** An RFC 3339 date-time with its offset, e.g. 2026-12-07T08:00:00Z or 2026-12-07T11:00:00+03:00. */
    static final String DATE_TIME = "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})";

    @Inject
    AuditLog audit;

    @GET
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "A page of changes, newest first (by the time of the change)")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public AuditView.PageOf list(
            @QueryParam("user") @Pattern(regexp = "[0-9]{1,18}|user:[A-Za-z0-9._@-]{1,64}|system:[A-Za-z0-9._-]{1,64}|anonymous",
                    message = "must be a user id, or an actor: user:<id>, system:<name> or anonymous")
            @Parameter(description = "Who: a gateway user's id (the actor user:<id>), or an actor as recorded "
                    + "(user:<id>, system:<name>, anonymous)") String user,
            @QueryParam("entity") @Pattern(regexp = ENTITIES, message = "must be one of " + ENTITIES)
            @Parameter(description = "The kind of record (the event's aggregate type)") String entity,
            @QueryParam("entity_id") @Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "must be a record id (letters, digits and -)")
            @Parameter(description = "One record's id (with entity)") String entityId,
            @QueryParam("action") @Pattern(regexp = ACTIONS, message = "must be an event type, one of " + ACTIONS)
            @Parameter(description = "What was done: the event type") String action,
            @QueryParam("from") @Pattern(regexp = DATE_TIME, message = "must be a date-time with its offset, e.g. 2026-12-07T08:00:00Z")
            @Parameter(description = "Changes at or after this time", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            String from,
            @QueryParam("to") @Pattern(regexp = DATE_TIME, message = "must be a date-time with its offset, e.g. 2026-12-07T09:00:00Z")
            @Parameter(description = "Changes before this time", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            String to,
            @Valid @BeanParam PageParams.Of25 paging) {
        if (entityId != null && entity == null) {
            throw ApiException.badRequest("entity_id", "needs entity: an id names a record of one kind");
        }
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ApiException.badRequest("to", "must be after from");
        }
        String actor = user == null ? null : user.chars().allMatch(Character::isDigit) ? "user:" + Long.parseLong(user) : user;
        Page<AuditView.Entry> page = audit.list(new AuditLog.Filter(actor, entity, entityId, action, start, end),
                paging.page(), paging.perPage());
        return new AuditView.PageOf(page.items(), page.page(), page.perPage(), page.hasMore());
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, "is not a valid date-time (" + value + ")");
        }
    }
}
