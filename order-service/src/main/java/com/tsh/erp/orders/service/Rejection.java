package com.tsh.erp.orders.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why the saga rejected an order, with the figures that decided it: the short lines (STOCK), the
 * credit figures (CREDIT), or which answers never came (TIMEOUT). Stored as the order's
 * {@code rejection} (jsonb) and shown in its detail.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Why the order was rejected; `short_lines` for STOCK, `credit` for CREDIT, `waiting_for` for TIMEOUT")
public record Rejection(
        @Schema(enumeration = {"STOCK", "CREDIT", "TIMEOUT"}) String code,
        @Schema(description = "A sentence for people") String message,
        @Schema(nullable = true) List<ShortLine> shortLines,
        @Schema(nullable = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, implementation = Credit.class) Credit credit,
        @Schema(nullable = true, description = "The answers that had not come: stock, credit") List<String> waitingFor) {

    public static final String STOCK = "STOCK";
    public static final String CREDIT = "CREDIT";
    public static final String TIMEOUT = "TIMEOUT";

    /** A line catalog-service could not reserve: what the order asked and what was available. */
    public record ShortLine(long productId, String sku, long requested, long available,
                            @Schema(description = "catalog-service's reason, e.g. INSUFFICIENT_STOCK") String reason) {
    }

    /** client-service's figures: balance + reserved credit + order total would pass the credit limit. */
    public record Credit(@Schema(description = "e.g. CREDIT_LIMIT_EXCEEDED, INACTIVE_CLIENT") String reason,
                         @Schema(nullable = true) BigDecimal creditLimit, @Schema(nullable = true) BigDecimal balance,
                         @Schema(nullable = true) BigDecimal reservedCredit, BigDecimal orderTotal,
                         @Schema(nullable = true) BigDecimal availableCredit) {
    }
}
