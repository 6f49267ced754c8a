package com.tsh.erp.gateway.feed;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What {@code GET /api/v1/audit} answers. */
public final class AuditView {

    private AuditView() {
    }

    /** One change: who, what, which record, when, from where. */
    @Schema(name = "AuditEntry")
    public record Entry(
            @Schema(description = "The entry's own id (the order it was recorded in)") long id,
            @Schema(description = "The event's id (unique)", format = "uuid") String eventId,
            @Schema(description = "When the change was committed by the service that made it") Instant at,
            @Schema(description = "Who: user:<id> (a gateway user), system:<name> (a service's own work) or anonymous") String actor,
            @Schema(nullable = true, description = "The gateway user's id when the actor is user:<id>") Long userId,
            @Schema(description = "What: the event type, e.g. ProductUpserted, ProductDeactivated, OrderCancelled") String action,
            @Schema(description = "The kind of record: the event's aggregate type, e.g. Product, Client, Order") String entity,
            @Schema(description = "The record's id, as text (orders have UUIDs)") String entityId,
            @Schema(description = "The record's version after the change (the event's aggregateVersion)") long version,
            @Schema(description = "tsh, or zoho for a change that came in from Zoho") String origin,
            @Schema(nullable = true, description = "The app the change was made from, when the event names one "
                    + "(no service's events do yet: then null; origin and request_id are what is known)") String app,
            @Schema(nullable = true, description = "The X-Request-Id of the request that made the change") String requestId,
            @Schema(description = "The topic the event came on") String topic,
            @Schema(description = "When the gateway recorded it") Instant recordedAt,
            @Schema(type = SchemaType.OBJECT, description = "The event's payload (the record's state or the change), "
                    + "its field names in snake_case") Map<String, Object> details) {
    }

    @Schema(name = "AuditPage")
    public record PageOf(List<Entry> items, int page, int perPage, boolean hasMore) {
    }
}
