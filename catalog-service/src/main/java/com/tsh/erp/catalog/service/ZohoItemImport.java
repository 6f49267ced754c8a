package com.tsh.erp.catalog.service;

import com.tsh.erp.catalog.domain.Product;
import com.tsh.erp.catalog.service.StockLedger.Stock;
import com.tsh.erp.events.catalog.StockChangeReason;
import com.tsh.erp.defaults.Actors;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.InvalidEventException;
import com.tsh.erp.events.zoho.ZohoItemChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Applies an item from Zoho: finds the product by Zoho item id, then by SKU, and creates or
 * updates it. The resulting ProductUpserted carries origin {@code zoho}, so the sync does not
 * push the change back. A Zoho change older than the last one applied is ignored. Zoho's stock on
 * hand is taken over with an IMPORT ledger row, never below what is reserved here.
 */
@ApplicationScoped
public class ZohoItemImport {

    static final String ACTOR = Actors.system("zoho-sync");
    private static final Logger LOG = Logger.getLogger(ZohoItemImport.class);

    @Inject
    EntityManager em;
    @Inject
    ProductWrites products;
    @Inject
    StockLedger ledger;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ZohoItemChanged item) {
        if (item.zohoItemId() == null || item.sku() == null || item.sku().isBlank() || item.name() == null) {
            throw new InvalidEventException("Zoho item without item id, sku or name: " + item.zohoItemId());
        }
        Product p = em.createQuery("from Product p where p.zohoItemId = :z", Product.class)
                .setParameter("z", item.zohoItemId()).getResultStream().findFirst()
                .or(() -> em.createQuery("from Product p where lower(p.sku) = :sku", Product.class)
                        .setParameter("sku", item.sku().strip().toLowerCase(Locale.ROOT)).getResultStream().findFirst())
                .orElse(null);
        if (p != null && p.zohoModifiedAt != null && item.lastModifiedTime() != null
                && !item.lastModifiedTime().isAfter(p.zohoModifiedAt)) {
            LOG.debugf("Zoho item %s: change of %s already applied", item.zohoItemId(), item.lastModifiedTime());
            return;
        }
        boolean created = p == null;
        if (created) {
            p = new Product();
        }
        ProductMapper.applyZoho(p, item);
        if (created) {
            em.persist(p);
        }
        em.flush(); // the row is written (and locked) before the ledger imports Zoho's stock onto it
        if (item.stockOnHand() != null) {
            Stock locked = ledger.lock(List.of(p.id)).get(p.id);
            int target = Math.max(item.stockOnHand(), locked.reserved());
            if (target != item.stockOnHand()) {
                LOG.warnf("Zoho item %s has %d on hand but %d are reserved here; keeping %d", item.zohoItemId(),
                        item.stockOnHand(), locked.reserved(), target);
            }
            if (target != locked.stockOnHand()) { // both within 0..MAX_STOCK, so the delta fits an int
                ledger.apply(p.id, StockChangeReason.IMPORT, target - locked.stockOnHand(), 0, null, "stock on hand in Zoho", null, ACTOR);
            }
        }
        products.upserted(p, ACTOR, EventEnvelope.ORIGIN_ZOHO);
    }
}
