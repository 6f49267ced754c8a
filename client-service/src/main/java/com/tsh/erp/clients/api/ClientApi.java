package com.tsh.erp.clients.api;

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
import java.time.LocalDate;
import java.util.List;

/** Request and response bodies of the client API. Unknown fields are refused (400). */
public final class ClientApi {

    private ClientApi() {
    }

    public record ClientFields(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String nameAr,
            @NotNull @Pattern(regexp = "WHOLESALE|RETAIL", message = "must be WHOLESALE or RETAIL") String clientType,
            @Size(max = 40) String phone,
            @Email @Size(max = 200) String email,
            @Size(max = 500) String address,
            @Size(max = 100) String city,
            @Size(max = 100) String region,
            Long salespersonId,
            @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal creditLimit,
            @Size(max = 64) String zohoContactId) {
    }

    /** A full replacement of the client's fields, with the version it was read at. */
    public record UpdateClient(
            @NotNull @Min(0) Long version,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String nameAr,
            @NotNull @Pattern(regexp = "WHOLESALE|RETAIL", message = "must be WHOLESALE or RETAIL") String clientType,
            @Size(max = 40) String phone,
            @Email @Size(max = 200) String email,
            @Size(max = 500) String address,
            @Size(max = 100) String city,
            @Size(max = 100) String region,
            Long salespersonId,
            @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal creditLimit,
            Boolean active,
            @Size(max = 64) String zohoContactId) {

        public ClientFields fields() {
            return new ClientFields(name, nameAr, clientType, phone, email, address, city, region, salespersonId,
                    creditLimit, zohoContactId);
        }
    }

    public record Reassign(Long salespersonId) {
    }

    public record Payment(
            @NotNull @DecimalMin(value = "0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull @Pattern(regexp = "CASH|BANK_TRANSFER|CHEQUE|CARD", message = "must be CASH, BANK_TRANSFER, CHEQUE or CARD") String method,
            @NotBlank @Size(max = 100) String reference,
            @Size(max = 500) String note) {
    }

    /**
     * A credit note (lowers the balance; needs a reference, used once) or a manual adjustment
     * (either way; needs a reason).
     */
    public record Adjustment(
            @NotNull @Pattern(regexp = "CREDIT_NOTE|ADJUSTMENT", message = "must be CREDIT_NOTE or ADJUSTMENT") String kind,
            @NotNull @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @Size(max = 100) String reference,
            @NotBlank @Size(max = 500) String reason) {
    }

    public record ClientListItem(long id, String name, String nameAr, String clientType, String phone, String city,
                                 String region, Long salespersonId, boolean active) {
    }

    /** The detail, with money figures read fresh from the database (never cached). */
    public record ClientDetail(long id, String name, String nameAr, String clientType, String phone, String email,
                               String address, String city, String region, Long salespersonId, BigDecimal creditLimit,
                               BigDecimal balance, BigDecimal reservedCredit, BigDecimal availableCredit, boolean active,
                               String zohoContactId, Instant createdAt, Instant updatedAt, long version) {
    }

    public record LedgerEntry(long id, String kind, BigDecimal amount, BigDecimal balanceAfter, String orderId,
                              String paymentMethod, String reference, String note, String actor, Instant createdAt) {
    }

    /** Ledger entries between two dates with the running balance after each, one page of them. */
    public record Statement(long clientId, LocalDate from, LocalDate to, BigDecimal openingBalance,
                            BigDecimal closingBalance, List<LedgerEntry> items, int page, int perPage, boolean hasMore) {
    }
}
