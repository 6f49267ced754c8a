package com.tsh.erp.orders.service;

import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.events.catalog.ProductDeactivated;
import com.tsh.erp.events.catalog.ProductUpserted;
import com.tsh.erp.events.clients.ClientUpserted;
import com.tsh.erp.events.clients.SalespersonUpserted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * order-service's copies of the products, clients and salespeople it prices and checks orders
 * with, kept from their events only. Each write applies an event whose aggregateVersion is higher
 * than the one held and ignores an older or equal one (the version rule, EventEnvelope): a copy
 * ends at the newest state whatever order the events came in. Returns whether the copy changed.
 */
@ApplicationScoped
public class ReadModels {

    @Inject
    Sql sql;

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean product(ProductUpserted p, long version) {
        return sql.update("""
                insert into product_view (id, sku, name, name_ar, retail_price, wholesale_price, active, version, updated_at)
                values (:id, :sku, :name, :nameAr, :retail, :wholesale, :active, :version, now())
                on conflict (id) do update set sku = excluded.sku, name = excluded.name, name_ar = excluded.name_ar,
                    retail_price = excluded.retail_price, wholesale_price = excluded.wholesale_price,
                    active = excluded.active, version = excluded.version, updated_at = now()
                where product_view.version < excluded.version""",
                Params.of("id", p.productId()).and("sku", p.sku()).and("name", p.name()).and("nameAr", p.nameAr())
                        .and("retail", p.retailPrice()).and("wholesale", p.wholesalePrice()).and("active", p.active())
                        .and("version", version)) == 1;
    }

    /**
     * A deactivation at a newer version. A product never seen before is recorded as inactive under
     * its SKU (its names and prices are not in the event): it can never be ordered, and an older
     * ProductUpserted arriving later cannot make it active again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean productDeactivated(ProductDeactivated p, long version) {
        return sql.update("""
                insert into product_view (id, sku, name, name_ar, retail_price, wholesale_price, active, version, updated_at)
                values (:id, :sku, :sku, :sku, 0, 0, false, :version, now())
                on conflict (id) do update set active = false, version = excluded.version, updated_at = now()
                where product_view.version < excluded.version""",
                Params.of("id", p.productId()).and("sku", p.sku()).and("version", version)) == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean client(ClientUpserted c, long version) {
        return sql.update("""
                insert into client_view (id, client_type, name, name_ar, salesperson_id, active, version, updated_at)
                values (:id, :type, :name, :nameAr, :salespersonId, :active, :version, now())
                on conflict (id) do update set client_type = excluded.client_type, name = excluded.name,
                    name_ar = excluded.name_ar, salesperson_id = excluded.salesperson_id, active = excluded.active,
                    version = excluded.version, updated_at = now()
                where client_view.version < excluded.version""",
                Params.of("id", c.clientId()).and("type", c.clientType()).and("name", c.name()).and("nameAr", c.nameAr())
                        .and("salespersonId", c.salespersonId()).and("active", c.active()).and("version", version)) == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean salesperson(SalespersonUpserted s, long version) {
        return sql.update("""
                insert into salesperson_view (id, name, name_ar, kind, commission_rate, active, version, updated_at)
                values (:id, :name, :nameAr, :kind, :rate, :active, :version, now())
                on conflict (id) do update set name = excluded.name, name_ar = excluded.name_ar, kind = excluded.kind,
                    commission_rate = excluded.commission_rate, active = excluded.active, version = excluded.version,
                    updated_at = now()
                where salesperson_view.version < excluded.version""",
                Params.of("id", s.salespersonId()).and("name", s.name()).and("nameAr", s.nameAr()).and("kind", s.kind())
                        .and("rate", s.commissionRate()).and("active", s.active()).and("version", version)) == 1;
    }
}
