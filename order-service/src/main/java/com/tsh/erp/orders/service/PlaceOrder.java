package com.tsh.erp.orders.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new order as the app sends it. Unknown fields are refused (400). Prices are not sent: the
 * order is priced from order-service's copy of the catalog.
 */
public record PlaceOrder(
        @NotNull @Min(1) Long clientId,
        @Schema(nullable = true, description = "Default: the client's salesperson") @Min(1) Long salespersonId,
        @NotNull @Size(min = 1, max = 200) @Valid List<@NotNull Line> lines,
        @Schema(nullable = true) @Size(max = 1000) String note,
        @Schema(nullable = true, description = "Order discount in percent, at most tsh.orders.max-discount-percent (10 by default); default 0")
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent) {

    /** A product and how many; the same product on two lines is merged into one. */
    public record Line(@NotNull @Min(1) Long productId, @NotNull @Min(1) @Max(10_000) Integer quantity) {
    }
}
