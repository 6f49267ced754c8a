package com.tsh.erp.catalog.service;

import com.tsh.erp.catalog.domain.Product;
import com.tsh.erp.events.catalog.StockChangeReason;
import com.tsh.erp.catalog.service.StockLedger.Stock;
import com.tsh.erp.defaults.ApiException;
import com.tsh.erp.defaults.Problem;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.catalog.CatalogEvents;
import com.tsh.erp.events.catalog.ProductDeactivated;
import com.tsh.erp.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Every change of a product: create, edit, deactivate, a counted stock adjustment. Each puts its
 * event in the outbox in the same transaction and makes the cached search pages stale after commit.
 */
@ApplicationScoped
public class ProductWrites {

    @Inject
    EntityManager em;
    @Inject
    ProductDetails details;
    @Inject
    ProductListCache listCache;
    @Inject
    CategoryService categories;
    @Inject
    StockLedger ledger;
    @Inject
    OutboxWriter outbox;

    /** A new product; {@code initialStock} (if above 0) is booked as an adjustment. */
    @Transactional
    public ProductWithStock create(ProductInput in, Integer initialStock, String actor) {
        requireFreeSku(in.sku(), null);
        categories.requireExisting("category_id", in.categoryId());
        requireFreeZohoId(in.zohoItemId(), null);
        Product p = new Product();
        ProductMapper.apply(p, in);
        em.persist(p);
        em.flush(); // the row exists before the ledger books its first stock on it
        if (initialStock != null && initialStock > 0) {
            ledger.apply(p.id, StockChangeReason.ADJUSTMENT, initialStock, 0, null, "initial stock", null, actor);
        }
        return ProductMapper.withStock(p, upserted(p, actor, EventEnvelope.ORIGIN_TSH));
    }

    /** A full replacement of the descriptive fields, at the version the client read. */
    @Transactional
    public ProductWithStock update(long id, long version, ProductInput in, String actor) {
        Product p = ProductDetails.find(em, id);
        if (p.version != version) {
            throw ApiException.conflict("stale-version", "product " + id + " is at version " + p.version + ", not "
                    + version + "; reload it and apply the change again");
        }
        requireFreeSku(in.sku(), id);
        categories.requireExisting("category_id", in.categoryId());
        requireFreeZohoId(in.zohoItemId(), id);
        ProductMapper.apply(p, in);
        flush(id);
        return ProductMapper.withStock(p, upserted(p, actor, EventEnvelope.ORIGIN_TSH));
    }

    @Transactional
    public ProductWithStock deactivate(long id, String actor) {
        Product p = ProductDetails.find(em, id);
        if (p.active) {
            p.active = false;
            flush(id);
            listCache.invalidateAfterCommit();
            outbox.append(CatalogEvents.PRODUCT_DEACTIVATED, String.valueOf(p.id), p.version, actor,
                    new ProductDeactivated(p.id, p.sku, Instant.now()));
        }
        return details.withStock(p);
    }

    /**
     * Changes stock on hand by a counted amount, never below what is reserved nor above
     * {@link StockLedger#MAX_STOCK} (422 naming {@code quantity_delta}, nothing written). The
     * Idempotency-Key, if any, is recorded on the ledger row for the audit; replaying a retried
     * request is {@code IdempotentRequests}' job.
     *
     * @return the figures after the change
     */
    @Transactional
    public Stock adjustStock(long id, int quantityDelta, String reason, String idempotencyKey, String actor) {
        Stock locked = ledger.lock(List.of(id)).get(id);
        if (locked == null) {
            throw ApiException.notFound("Product", id);
        }
        if (quantityDelta == 0) {
            throw ApiException.badRequest("quantity_delta", "must not be 0");
        }
        long after = (long) locked.stockOnHand() + quantityDelta; // exact: an int sum past the range wraps to a negative figure
        if (after > StockLedger.MAX_STOCK) {
            throw ApiException.unprocessable("quantity_delta", "stock on hand would rise to " + after + ", above "
                    + StockLedger.MAX_STOCK + ", the most a product can hold");
        }
        if (after < locked.reserved()) {
            throw ApiException.unprocessable("quantity_delta", "stock on hand would fall to " + after + ", below the "
                    + locked.reserved() + " units reserved for orders");
        }
        return ledger.apply(id, StockChangeReason.ADJUSTMENT, quantityDelta, 0, null, reason.strip(), idempotencyKey, actor);
    }

    /**
     * Puts ProductUpserted in the outbox under the product's version. Its stock figures are read
     * here under the row lock (held since the flush that wrote the change), not taken from
     * anything read earlier: a stock change that committed meanwhile is in them, and one that
     * comes later waits for this commit. Returns those figures.
     */
    Stock upserted(Product p, String actor, String origin) {
        listCache.invalidateAfterCommit();
        Stock stock = ledger.lock(List.of(p.id)).get(p.id);
        outbox.append(CatalogEvents.PRODUCT_UPSERTED, String.valueOf(p.id), p.version, actor, origin,
                ProductMapper.upserted(p, stock));
        return stock;
    }

    void requireFreeSku(String sku, Long exceptId) {
        Long taken = em.createQuery("select p.id from Product p where lower(p.sku) = :sku", Long.class)
                .setParameter("sku", sku.strip().toLowerCase(Locale.ROOT)).getResultStream().findFirst().orElse(null);
        if (taken != null && !taken.equals(exceptId)) {
            throw new ApiException(409, "duplicate-sku", "Conflict", "SKU " + sku.strip() + " is already used by product " + taken,
                    List.of(new Problem.FieldError("sku", "already used by product " + taken)));
        }
    }

    private void requireFreeZohoId(String zohoItemId, Long exceptId) {
        if (zohoItemId == null) {
            return;
        }
        Long taken = em.createQuery("select p.id from Product p where p.zohoItemId = :z", Long.class)
                .setParameter("z", zohoItemId).getResultStream().findFirst().orElse(null);
        if (taken != null && !taken.equals(exceptId)) {
            throw new ApiException(409, "duplicate-zoho-item", "Conflict", "Zoho item " + zohoItemId + " is already linked to product " + taken,
                    List.of(new Problem.FieldError("zoho_item_id", "already linked to product " + taken)));
        }
    }

    private void flush(long id) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw ApiException.conflict("stale-version", "product " + id + " was changed meanwhile; reload it");
        }
    }
}
