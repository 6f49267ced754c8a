package com.tsh.erp.catalog.service;

import com.tsh.erp.catalog.domain.Product;
import com.tsh.erp.catalog.service.StockLedger.Locked;
import com.tsh.erp.catalog.service.StockLedger.Reason;
import com.tsh.erp.defaults.Actors;
import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.InvalidEventException;
import com.tsh.erp.events.zoho.ZohoItemChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
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
    ProductService products;
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
            p.imageUrls = new ArrayList<>();
            p.reorderLevel = 0;
        }
        p.zohoItemId = item.zohoItemId();
        p.sku = item.sku().strip();
        p.name = item.name().strip();
        p.nameAr = item.nameAr() != null && !item.nameAr().isBlank() ? item.nameAr().strip()
                : (p.nameAr != null ? p.nameAr : p.name); // Zoho may not have the Arabic name: keep ours, or the English one
        if (item.description() != null) {
            p.description = item.description();
        }
        p.unit = item.unit() != null && !item.unit().isBlank() ? item.unit().strip() : (p.unit != null ? p.unit : "piece");
        p.retailPrice = money(item.rate(), p.retailPrice);
        p.wholesalePrice = money(item.wholesaleRate(), p.wholesalePrice != null ? p.wholesalePrice : p.retailPrice);
        p.costPrice = item.purchaseRate() != null ? item.purchaseRate() : p.costPrice;
        if (item.reorderLevel() != null && item.reorderLevel() >= 0) {
            p.reorderLevel = item.reorderLevel();
        }
        p.active = !"inactive".equalsIgnoreCase(item.status());
        p.zohoModifiedAt = item.lastModifiedTime();
        p.refreshSearchText();
        if (created) {
            em.persist(p);
        }
        em.flush();
        if (item.stockOnHand() != null) {
            Locked locked = ledger.lock(List.of(p.id)).get(p.id);
            int target = Math.max(item.stockOnHand(), locked.reserved());
            if (target != item.stockOnHand()) {
                LOG.warnf("Zoho item %s has %d on hand but %d are reserved here; keeping %d", item.zohoItemId(),
                        item.stockOnHand(), locked.reserved(), target);
            }
            if (target != locked.stockOnHand()) {
                ledger.apply(p.id, Reason.IMPORT, target - locked.stockOnHand(), 0, null, "stock on hand in Zoho", null, ACTOR);
            }
        }
        em.refresh(p);
        products.upserted(p, ACTOR, EventEnvelope.ORIGIN_ZOHO);
    }

    private static BigDecimal money(BigDecimal value, BigDecimal fallback) {
        if (value != null) {
            return value.setScale(2, java.math.RoundingMode.HALF_UP);
        }
        return fallback != null ? fallback : BigDecimal.ZERO.setScale(2);
    }
}
