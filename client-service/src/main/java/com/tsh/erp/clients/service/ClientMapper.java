package com.tsh.erp.clients.service;

import com.tsh.erp.clients.domain.Client;
import com.tsh.erp.clients.service.ClientLedger.Figures;
import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.events.clients.ClientUpserted;
import com.tsh.erp.events.zoho.ZohoContactChanged;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The one place a client's fields are mapped: onto the entity from a create or an edit and from a
 * Zoho contact, and from the entity to the detail and to the ClientUpserted event.
 */
final class ClientMapper {

    private ClientMapper() {
    }

    /** A create or an edit (checks that need the database are the caller's). */
    static void apply(Client c, ClientInput in) {
        c.name = in.name().strip();
        c.nameAr = in.nameAr().strip();
        c.clientType = in.clientType();
        c.phone = Phones.toE164("phone", in.phone());
        c.email = in.email() == null || in.email().isBlank() ? null : in.email().strip().toLowerCase(Locale.ROOT);
        c.address = SalespersonService.blankToNull(in.address());
        c.city = SalespersonService.blankToNull(in.city());
        c.region = SalespersonService.blankToNull(in.region());
        c.salespersonId = in.salespersonId();
        c.creditLimit = in.creditLimit() == null ? BigDecimal.ZERO.setScale(2) : in.creditLimit();
        c.zohoContactId = in.zohoContactId();
        if (in.active() != null) {
            c.active = in.active();
        }
        c.searchText = SearchTexts.of(c.name, c.nameAr, c.phone, c.email);
    }

    /** A contact from Zoho, with its phone (E.164) and email as matched; what Zoho lacks keeps ours. */
    static void applyZoho(Client c, ZohoContactChanged z, String phone, String email) {
        c.zohoContactId = z.zohoContactId();
        c.name = z.contactName().strip();
        c.nameAr = z.contactNameAr() != null && !z.contactNameAr().isBlank() ? z.contactNameAr().strip()
                : (c.nameAr != null ? c.nameAr : c.name);
        c.clientType = "individual".equalsIgnoreCase(z.customerSubType()) ? ClientType.RETAIL : ClientType.WHOLESALE;
        c.phone = phone != null ? phone : c.phone;
        c.email = email != null ? email : c.email;
        c.address = z.address() != null ? z.address() : c.address;
        c.city = z.city() != null ? z.city() : c.city;
        c.region = z.state() != null ? z.state() : c.region;
        c.creditLimit = c.clientType == ClientType.RETAIL ? BigDecimal.ZERO.setScale(2)
                : (z.creditLimit() != null && z.creditLimit().signum() >= 0 ? z.creditLimit() : c.creditLimit);
        c.active = !"inactive".equalsIgnoreCase(z.status());
        c.zohoModifiedAt = z.lastModifiedTime();
        c.searchText = SearchTexts.of(c.name, c.nameAr, c.phone, c.email);
    }

    static ClientWithFigures withFigures(Client c, Figures f) {
        return new ClientWithFigures(c.id, c.name, c.nameAr, c.clientType, c.phone, c.email, c.address, c.city, c.region,
                c.salespersonId, c.creditLimit, c.active, c.zohoContactId, c.createdAt, c.updatedAt, c.version, f);
    }

    static ClientUpserted upserted(Client c) {
        return new ClientUpserted(c.id, c.name, c.nameAr, c.clientType, c.phone, c.email, c.address, c.city, c.region,
                c.salespersonId, c.creditLimit, c.active, c.zohoContactId, c.createdAt, c.updatedAt);
    }
}
