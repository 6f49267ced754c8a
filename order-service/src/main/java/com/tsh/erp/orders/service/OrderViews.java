package com.tsh.erp.orders.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the order API answers with: the records go over the wire as they are (snake_case). */
public final class OrderViews {

    private OrderViews() {
    }

    /** A line as priced when the order was placed: a snapshot of the product then. */
    public record Line(int lineNo, long productId, String sku, String name, String nameAr, int quantity, BigDecimal unitPrice,
                       BigDecimal lineTotal) {
    }

    /** One transition of the order: when, who, why. The first is the placing (from_status null). */
    public record Transition(@Schema(nullable = true) OrderStatus fromStatus, OrderStatus toStatus, String actor,
                             @Schema(nullable = true) String reason, Instant at) {
    }

    /** The whole order: its lines as priced, its figures and its history. Every field is always sent. */
    public record Detail(UUID id,
                         @Schema(description = "SO-<year>-<6 digits>") String number,
                         long clientId, String clientName, String clientNameAr,
                         @Schema(enumeration = {"WHOLESALE", "RETAIL"}, description = "The client's type when it was placed: it chose the prices") String channel,
                         @Schema(nullable = true) Long salespersonId,
                         OrderStatus status,
                         @Schema(nullable = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, implementation = Rejection.class) Rejection rejection,
                         List<Line> lines,
                         BigDecimal subtotal, BigDecimal discountPercent,
                         @Schema(description = "subtotal x discount_percent / 100, rounded half-up to 2 places") BigDecimal discount,
                         @Schema(description = "subtotal - discount") BigDecimal total,
                         String currency,
                         @Schema(nullable = true) String note,
                         @Schema(nullable = true, description = "The salesperson's rate (percent) when the order was delivered") BigDecimal commissionRate,
                         Instant placedAt,
                         @Schema(nullable = true, implementation = String.class, format = "date-time") Instant confirmedAt,
                         @Schema(nullable = true, implementation = String.class, format = "date-time") Instant deliveredAt,
                         @Schema(nullable = true, implementation = String.class, format = "date-time", description = "When it became REJECTED, CANCELLED or DELIVERED") Instant closedAt,
                         String placedBy, long version,
                         List<Transition> history) {
    }

    /** A row of the order list: list fields only. */
    public record Summary(UUID id, String number, long clientId, String clientName, String clientNameAr,
                          @Schema(enumeration = {"WHOLESALE", "RETAIL"}) String channel,
                          @Schema(nullable = true) Long salespersonId, OrderStatus status, int lineCount, BigDecimal total,
                          String currency, Instant placedAt) {
    }

    /** A page of orders, newest first. {@code next_after} continues after the last row (keyset paging). */
    public record SummaryPage(List<Summary> items, int page, int perPage, boolean hasMore,
                              @Schema(nullable = true, description = "Pass as `after` for the next page (null on the last)") String nextAfter) {
    }
}
