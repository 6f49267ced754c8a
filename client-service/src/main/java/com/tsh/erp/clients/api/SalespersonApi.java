package com.tsh.erp.clients.api;

import com.tsh.erp.clients.service.SalespersonInput;
import com.tsh.erp.clients.service.SalespersonRecord;
import com.tsh.erp.defaults.OneOf;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.events.clients.SalespersonKind;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the salesperson API. */
public final class SalespersonApi {

    private SalespersonApi() {
    }

    static SalespersonInput input(SalespersonFields f, Boolean active) {
        return new SalespersonInput(f.name, f.nameAr, f.phone, f.email, SalespersonKind.valueOf(f.kind), f.region,
                f.commissionRate, active);
    }

    static SalespersonView view(SalespersonRecord s) {
        return new SalespersonView(s.id(), s.name(), s.nameAr(), s.phone(), s.email(), s.kind(), s.region(),
                s.commissionRate(), s.active(), s.updatedAt(), s.version());
    }

    static Page<SalespersonView> page(Page<SalespersonRecord> page) {
        return new Page<>(page.items().stream().map(SalespersonApi::view).toList(), page.page(), page.perPage(), page.hasMore());
    }

    /** A new salesperson: the fields (which an edit sends too). */
    public static class SalespersonFields {
        public @NotBlank @Size(max = 200) String name;
        public @NotBlank @Size(max = 200) String nameAr;
        public @Size(max = 40) String phone;
        public @Email @Size(max = 200) String email;
        public @NotNull @OneOf(SalespersonKind.class) @Schema(implementation = SalespersonKind.class, required = true) String kind;
        public @Size(max = 100) String region;
        public @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) BigDecimal commissionRate;
    }

    /** A full replacement of the salesperson's fields, with the version it was read at. */
    public static class UpdateSalesperson extends SalespersonFields {
        public @NotNull @Min(0) Long version;
        public Boolean active;
    }

    /** Every field is always sent; {@code nullable} marks the ones that may be {@code null}. */
    public record SalespersonView(long id, String name, String nameAr,
                                  @Schema(nullable = true, description = "E.164") String phone,
                                  @Schema(nullable = true) String email,
                                  SalespersonKind kind,
                                  @Schema(nullable = true) String region,
                                  @Schema(description = "Percent") BigDecimal commissionRate, boolean active,
                                  Instant updatedAt, long version) {
    }
}
