package com.tsh.erp.clients.api;

import com.tsh.erp.clients.service.SalespersonInput;
import com.tsh.erp.clients.service.SalespersonRecord;
import com.tsh.erp.defaults.Page;
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

    static SalespersonInput input(SalespersonFields f) {
        return new SalespersonInput(f.name(), f.nameAr(), f.phone(), f.email(), f.kind(), f.region(), f.commissionRate(), null);
    }

    static SalespersonInput input(UpdateSalesperson u) {
        return new SalespersonInput(u.name(), u.nameAr(), u.phone(), u.email(), u.kind(), u.region(), u.commissionRate(),
                u.active());
    }

    static SalespersonView view(SalespersonRecord s) {
        return new SalespersonView(s.id(), s.name(), s.nameAr(), s.phone(), s.email(), s.kind(), s.region(),
                s.commissionRate(), s.active(), s.updatedAt(), s.version());
    }

    static Page<SalespersonView> page(Page<SalespersonRecord> page) {
        return new Page<>(page.items().stream().map(SalespersonApi::view).toList(), page.page(), page.perPage(), page.hasMore());
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
