package com.tsh.erp.clients.service;

import com.tsh.erp.clients.domain.Client;
import com.tsh.erp.defaults.Actors;
import com.tsh.erp.events.InvalidEventException;
import com.tsh.erp.events.zoho.ZohoContactChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Optional;

/**
 * Applies a contact from Zoho: found by Zoho contact id, then by phone, then by email; created
 * when none matches. The ClientUpserted it causes carries origin {@code zoho}, so the sync does
 * not push it back. A Zoho change older than the last one applied is ignored. Balances are never
 * taken from Zoho: they come from this service's own ledger.
 */
@ApplicationScoped
public class ZohoContactImport {

    static final String ACTOR = Actors.system("zoho-sync");

    @Inject
    ClientWrites clients;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ZohoContactChanged z) {
        if (z.zohoContactId() == null || z.contactName() == null || z.contactName().isBlank()) {
            throw new InvalidEventException("Zoho contact without contact id or name: " + z.zohoContactId());
        }
        String phone = Optional.ofNullable(Phones.toE164OrNull(z.mobile())).orElse(Phones.toE164OrNull(z.phone()));
        String email = z.email() == null || z.email().isBlank() ? null : z.email().strip().toLowerCase(Locale.ROOT);
        Client c = clients.first("e.zohoContactId", z.zohoContactId())
                .or(() -> phone == null ? Optional.empty() : clients.first("e.phone", phone))
                .or(() -> email == null ? Optional.empty() : clients.first("lower(e.email)", email))
                .orElse(null);
        if (c != null && c.zohoModifiedAt != null && z.lastModifiedTime() != null
                && !z.lastModifiedTime().isAfter(c.zohoModifiedAt)) {
            return; // already applied this change or a newer one
        }
        if (c == null) {
            c = new Client();
        }
        ClientMapper.applyZoho(c, z, phone, email);
        clients.storeFromZoho(c, ACTOR);
    }
}
