package com.tsh.erp.clients.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the salesperson API. */
public final class SalespersonApi {

    private SalespersonApi() {
    }

    public record SalespersonFields(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String nameAr,
            @Size(max = 40) String phone,
            @Email @Size(max = 200) String email,
            @NotNull @Pattern(regexp = "INTERNAL|PARTNER_SALESMAN|TRAVEL", message = "must be INTERNAL, PARTNER_SALESMAN or TRAVEL") String kind,
            @Size(max = 100) String region,
            @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal commissionRate) {
    }

    public record UpdateSalesperson(
            @NotNull @Min(0) Long version,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String nameAr,
            @Size(max = 40) String phone,
            @Email @Size(max = 200) String email,
            @NotNull @Pattern(regexp = "INTERNAL|PARTNER_SALESMAN|TRAVEL", message = "must be INTERNAL, PARTNER_SALESMAN or TRAVEL") String kind,
            @Size(max = 100) String region,
            @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal commissionRate,
            Boolean active) {

        public SalespersonFields fields() {
            return new SalespersonFields(name, nameAr, phone, email, kind, region, commissionRate);
        }
    }

    /** Every field is always sent; {@code nullable} marks the ones that may be {@code null}. */
    public record SalespersonView(long id, String name, String nameAr,
                                  @Schema(nullable = true, description = "E.164") String phone,
                                  @Schema(nullable = true) String email,
                                  @Schema(enumeration = {"INTERNAL", "PARTNER_SALESMAN", "TRAVEL"}) String kind,
                                  @Schema(nullable = true) String region,
                                  @Schema(description = "Percent") BigDecimal commissionRate, boolean active,
                                  Instant updatedAt, long version) {
    }
}
