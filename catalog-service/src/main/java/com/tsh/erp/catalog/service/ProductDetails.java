package com.tsh.erp.catalog.service;

import com.tsh.erp.catalog.domain.Product;
import com.tsh.erp.defaults.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Locale;

/** One whole product, by id or SKU: the entity and the ledger's figures (one primary-key read each). */
@ApplicationScoped
public class ProductDetails {

    @Inject
    EntityManager em;
    @Inject
    StockLedger ledger;

    public ProductWithStock get(long id) {
        return withStock(find(em, id));
    }

    public ProductWithStock bySku(String sku) {
        return em.createQuery("from Product p where lower(p.sku) = :sku", Product.class)
                .setParameter("sku", sku.toLowerCase(Locale.ROOT)).getResultStream().findFirst()
                .map(this::withStock)
                .orElseThrow(() -> ApiException.notFound("Product with SKU", sku));
    }

    public void requireExists(long id) {
        find(em, id);
    }

    /** The product with its figures as committed (not locked). */
    ProductWithStock withStock(Product p) {
        return ProductMapper.withStock(p, ledger.figures(p.id).orElseThrow(() -> ApiException.notFound("Product", p.id)));
    }

    static Product find(EntityManager em, long id) {
        Product p = em.find(Product.class, id);
        if (p == null) {
            throw ApiException.notFound("Product", id);
        }
        return p;
    }
}
