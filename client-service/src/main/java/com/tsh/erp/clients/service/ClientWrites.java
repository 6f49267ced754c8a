package com.tsh.erp.clients.service;

import com.tsh.erp.clients.domain.Client;
import com.tsh.erp.clients.service.ClientLedger.Figures;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Problem;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.clients.ClientEvents;
import com.tsh.erp.events.clients.ClientType;
import com.tsh.erp.events.clients.LedgerEntryKind;
import com.tsh.erp.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A client's detail and every change of a client: create, edit, deactivate, reassign, and the
 * payments and adjustments its ledger records. Each change puts its event in the outbox in the
 * same transaction.
 */
@ApplicationScoped
public class ClientWrites {

    /** A manual ledger entry: a credit note (lowers the balance, needs a reference) or an adjustment (either sign). */
    public enum AdjustmentKind { CREDIT_NOTE, ADJUSTMENT }

    @Inject
    EntityManager em;
    @Inject
    Entities entities;
    @Inject
    OutboxWriter outbox;
    @Inject
    SalespersonService salespeople;
    @Inject
    ClientLedger ledger;
    @Inject
    Sql sql;

    /**
     * The client with its money figures read now (never cached): one statement for the row, its
     * balance and the credit its open orders hold (the detail is read on every order screen).
     */
    public ClientWithFigures get(long id) {
        return sql.one("""
                        select id, name, name_ar, client_type, phone, email, address, city, region, salesperson_id,
                               credit_limit, active, zoho_contact_id, created_at, updated_at, version, balance,
                               (select coalesce(sum(r.amount), 0)::numeric(18, 2) from credit_reservation r
                                where r.client_id = client.id and r.status = 'RESERVED') as held
                        from client where id = :id""", Params.of("id", id), r -> {
                    ClientType type = ClientType.valueOf(r.getString("client_type"));
                    return new ClientWithFigures(r.getLong("id"), r.getString("name"), r.getString("name_ar"), type,
                            r.getString("phone"), r.getString("email"), r.getString("address"), r.getString("city"),
                            r.getString("region"), r.getLongOrNull("salesperson_id"), r.getBigDecimal("credit_limit"),
                            r.getBoolean("active"), r.getString("zoho_contact_id"), r.getInstant("created_at"),
                            r.getInstant("updated_at"), r.getLong("version"),
                            new Figures(id, type, r.getBoolean("active"), r.getBigDecimal("credit_limit"),
                                    r.getBigDecimal("balance"), r.getBigDecimal("held")));
                })
                .orElseThrow(() -> ApiException.notFound("Client", id));
    }

    @Transactional
    public ClientWithFigures create(ClientInput in, String actor) {
        Client c = new Client();
        check(c, in);
        ClientMapper.apply(c, in);
        entities.persist(c);
        return changed(c, actor, EventEnvelope.ORIGIN_TSH);
    }

    /** A full replacement of the client's fields, at the version the client read. */
    @Transactional
    public ClientWithFigures update(long id, long version, ClientInput in, String actor) {
        Client c = entities.atVersion(Client.class, id, version);
        check(c, in);
        ClientMapper.apply(c, in);
        entities.flush(c);
        return changed(c, actor, EventEnvelope.ORIGIN_TSH);
    }

    @Transactional
    public ClientWithFigures deactivate(long id, String actor) {
        Client c = find(id);
        if (!c.active) {
            return withFigures(c);
        }
        c.active = false;
        entities.flush(c);
        return changed(c, actor, EventEnvelope.ORIGIN_TSH);
    }

    @Transactional
    public ClientWithFigures reassign(long id, Long salespersonId, String actor) {
        Client c = find(id);
        salespeople.requireAssignable("salesperson_id", salespersonId);
        c.salespersonId = salespersonId;
        entities.flush(c);
        return changed(c, actor, EventEnvelope.ORIGIN_TSH);
    }

    /** Records a payment (lowers the balance); a reference already recorded for the client is 409. */
    @Transactional
    public ClientWithFigures pay(long id, BigDecimal amount, PaymentMethod method, String reference, String note, String actor) {
        requireLocked(id);
        ledger.record(id, LedgerEntryKind.PAYMENT, amount.negate(), null, method, reference.strip(), note, actor);
        return get(id);
    }

    /** A credit note (positive, lowers the balance, needs a reference) or an adjustment (either sign). */
    @Transactional
    public ClientWithFigures adjust(long id, AdjustmentKind kind, BigDecimal amount, String reference, String reason, String actor) {
        requireLocked(id);
        if (amount.signum() == 0) {
            throw ApiException.badRequest("amount", "must not be 0");
        }
        if (kind == AdjustmentKind.CREDIT_NOTE) {
            if (amount.signum() < 0) {
                throw ApiException.badRequest("amount", "a credit note is a positive amount that lowers the balance");
            }
            if (reference == null || reference.isBlank()) {
                throw ApiException.badRequest("reference", "a credit note needs its reference");
            }
            ledger.record(id, LedgerEntryKind.CREDIT_NOTE, amount.negate(), null, null, reference.strip(), reason.strip(), actor);
        } else {
            ledger.record(id, LedgerEntryKind.ADJUSTMENT, amount, null, null,
                    reference == null || reference.isBlank() ? null : reference.strip(), reason.strip(), actor);
        }
        return get(id);
    }

    private void requireLocked(long id) {
        Figures f = ledger.lock(id);
        if (f == null) {
            throw ApiException.notFound("Client", id);
        }
    }

    Client find(long id) {
        return entities.find(Client.class, id);
    }

    /** The first client whose {@code property} (a JPQL path of {@code e}, e.g. {@code e.phone}) has this value. */
    Optional<Client> first(String property, Object value) {
        return entities.first(Client.class, property, value);
    }

    /** Stores a client a Zoho contact created or changed, and publishes it with origin zoho. */
    void storeFromZoho(Client c, String actor) {
        if (c.id == null) {
            em.persist(c);
        }
        em.flush();
        changed(c, actor, EventEnvelope.ORIGIN_ZOHO);
    }

    /** What a create or an edit must pass before its fields are applied. */
    private void check(Client c, ClientInput in) {
        salespeople.requireAssignable("salesperson_id", in.salespersonId());
        if (in.clientType() == ClientType.RETAIL && in.creditLimit() != null && in.creditLimit().signum() > 0) {
            throw ApiException.badRequest("credit_limit", "retail clients buy without credit; leave it out or 0");
        }
        if (in.zohoContactId() != null) {
            Long taken = first("e.zohoContactId", in.zohoContactId()).map(other -> other.id).orElse(null);
            if (taken != null && !taken.equals(c.id)) {
                throw new ApiException(409, "duplicate-zoho-contact", "Conflict", "Zoho contact " + in.zohoContactId()
                        + " is already linked to client " + taken,
                        List.of(new Problem.FieldError("zoho_contact_id", "already linked to client " + taken)));
            }
        }
    }

    /** Puts ClientUpserted in the outbox under the client's version; the client with its figures. */
    private ClientWithFigures changed(Client c, String actor, String origin) {
        outbox.append(ClientEvents.CLIENT_UPSERTED, String.valueOf(c.id), c.version, actor, origin, ClientMapper.upserted(c));
        return withFigures(c);
    }

    private ClientWithFigures withFigures(Client c) {
        return ClientMapper.withFigures(c, ledger.figures(c.id));
    }
}
