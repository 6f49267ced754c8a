package com.tsh.erp.clients.api;

import com.tsh.erp.clients.service.ClientInput;
import com.tsh.erp.clients.service.ClientLedger;
import com.tsh.erp.clients.service.ClientStatements;
import com.tsh.erp.clients.service.ClientSummary;
import com.tsh.erp.clients.service.ClientWithFigures;
import com.tsh.erp.clients.service.ClientWrites;
import com.tsh.erp.clients.service.PaymentMethod;
import com.tsh.erp.defaults.Money;
import com.tsh.erp.defaults.OneOf;
import com.tsh.erp.defaults.Page;
import com.tsh.erp.defaults.SignedMoney;
import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.events.clients.LedgerEntryKind;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the client API. Unknown fields are refused (400). */
public final class ClientApi {

    private ClientApi() {
    }

    /**
     * A balance's range (ClientLedger's), written out for the document: a {@code minimum}/{@code maximum}
     * would be printed as a double there, and 999999999999999.99 has more digits than a double holds.
     */
    static final String BALANCE_RANGE = "from -" + ClientLedger.LARGEST_BALANCE + " to " + ClientLedger.LARGEST_BALANCE;
    static final String BALANCE = "What the client owes (negative: paid in advance); " + BALANCE_RANGE;

    static ClientInput input(ClientFields f, Boolean active) {
        return new ClientInput(f.name, f.nameAr, ClientType.valueOf(f.clientType), f.phone, f.email, f.address, f.city,
                f.region, f.salespersonId, f.creditLimit, f.zohoContactId, active);
    }

    static ClientListItem listItem(ClientSummary c) {
        return new ClientListItem(c.id(), c.name(), c.nameAr(), c.clientType(), c.phone(), c.city(), c.region(),
                c.salespersonId(), c.active());
    }

    static Page<ClientListItem> listPage(Page<ClientSummary> page) {
        return new Page<>(page.items().stream().map(ClientApi::listItem).toList(), page.page(), page.perPage(), page.hasMore());
    }

    static ClientDetail detail(ClientWithFigures c) {
        return new ClientDetail(c.id(), c.name(), c.nameAr(), c.clientType(), c.phone(), c.email(), c.address(), c.city(),
                c.region(), c.salespersonId(), c.creditLimit(), c.figures().balance(), c.figures().reservedCredit(),
                c.availableCredit(), c.active(), c.zohoContactId(), c.createdAt(), c.updatedAt(), c.version());
    }

    static Statement statement(ClientStatements.Statement s) {
        List<LedgerEntry> items = s.entries().items().stream().map(e -> new LedgerEntry(e.id(), e.kind(), e.amount(),
                e.balanceAfter(), e.orderId(), e.paymentMethod(), e.reference(), e.note(), e.actor(), e.createdAt())).toList();
        return new Statement(s.clientId(), s.from(), s.to(), s.openingBalance(), s.closingBalance(), items,
                s.entries().page(), s.entries().perPage(), s.entries().hasMore());
    }

    /** A new client: its fields (which an edit sends too). */
    public static class ClientFields {
        public @NotBlank @Size(max = 200) String name;
        public @NotBlank @Size(max = 200) String nameAr;
        public @NotNull @OneOf(ClientType.class) @Schema(implementation = ClientType.class, required = true) String clientType;
        public @Size(max = 40) String phone;
        public @Email @Size(max = 200) String email;
        public @Size(max = 500) String address;
        public @Size(max = 100) String city;
        public @Size(max = 100) String region;
        public Long salespersonId;
        public @Money BigDecimal creditLimit;
        public @Size(max = 64) String zohoContactId;
    }

    /** A full replacement of the client's fields, with the version it was read at. */
    public static class UpdateClient extends ClientFields {
        public @NotNull @Min(0) Long version;
        public Boolean active;
    }

    public record Reassign(Long salespersonId) {
    }

    public record Payment(
            @NotNull @SignedMoney @DecimalMin("0.01") BigDecimal amount,
            @NotNull @OneOf(PaymentMethod.class) @Schema(implementation = PaymentMethod.class, required = true) String method,
            @NotBlank @Size(max = 100) String reference,
            @Size(max = 500) String note) {
    }

    /**
     * A credit note (lowers the balance; needs a reference, used once) or a manual adjustment
     * (either way; needs a reason).
     */
    public record Adjustment(
            @NotNull @OneOf(ClientWrites.AdjustmentKind.class) @Schema(implementation = ClientWrites.AdjustmentKind.class, required = true) String kind,
            @NotNull @SignedMoney BigDecimal amount,
            @Size(max = 100) String reference,
            @NotBlank @Size(max = 500) String reason) {
    }

    public record ClientListItem(long id, String name, String nameAr,
                                 ClientType clientType,
                                 @Schema(nullable = true, description = "E.164") String phone,
                                 @Schema(nullable = true) String city, @Schema(nullable = true) String region,
                                 @Schema(nullable = true) Long salespersonId, boolean active) {
    }

    /**
     * The detail, with money figures read fresh from the database (never cached). Every field is
     * always sent; {@code nullable} marks the ones that may be {@code null}.
     */
    public record ClientDetail(long id, String name, String nameAr,
                               ClientType clientType,
                               @Schema(nullable = true, description = "E.164") String phone,
                               @Schema(nullable = true) String email, @Schema(nullable = true) String address,
                               @Schema(nullable = true) String city, @Schema(nullable = true) String region,
                               @Schema(nullable = true) Long salespersonId, BigDecimal creditLimit,
                               @Schema(description = BALANCE) BigDecimal balance,
                               @Schema(description = "Credit held for open orders") BigDecimal reservedCredit,
                               @Schema(nullable = true, description = "Credit limit less balance and reserved credit; null for retail clients")
                               BigDecimal availableCredit,
                               boolean active, @Schema(nullable = true) String zohoContactId, Instant createdAt,
                               Instant updatedAt, long version) {
    }

    public record LedgerEntry(long id,
                              LedgerEntryKind kind,
                              @Schema(description = "Positive raises the balance (what the client owes); a payment, credit note or "
                                      + "adjustment is a single amount (at most 999999999999.99 either way), a delivered order's "
                                      + "debit its total") BigDecimal amount,
                              @Schema(description = "The balance after this entry; " + BALANCE_RANGE) BigDecimal balanceAfter,
                              @Schema(nullable = true) String orderId,
                              @Schema(nullable = true) PaymentMethod paymentMethod,
                              @Schema(nullable = true) String reference, @Schema(nullable = true) String note, String actor,
                              Instant createdAt) {
    }

    /** Ledger entries between two dates with the running balance after each, one page of them. */
    public record Statement(long clientId,
                            @Schema(nullable = true, implementation = String.class, format = "date", description = "As asked") LocalDate from,
                            @Schema(nullable = true, implementation = String.class, format = "date", description = "As asked") LocalDate to,
                            @Schema(description = "The balance before the first day") BigDecimal openingBalance,
                            @Schema(description = "The balance after the last day") BigDecimal closingBalance, List<LedgerEntry> items, int page,
                            int perPage, boolean hasMore) {
    }

    /** What a page of clients looks like on the wire (a {@code Page<ClientListItem>}); for the API document. */
    @Schema(description = "One page of clients; `has_more` says whether a next page exists")
    public record ClientPage(List<ClientListItem> items, int page, int perPage, boolean hasMore) {
    }

    /** What the clients asked by id look like on the wire; for the API document. */
    @Schema(description = "The clients asked for with `ids`, in the order asked; `missing`: the ids asked that do not exist")
    public record ClientBatch(List<ClientListItem> items, List<Long> missing) {
    }
}
