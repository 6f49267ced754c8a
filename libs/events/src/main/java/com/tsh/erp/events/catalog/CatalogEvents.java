package com.tsh.erp.events.catalog;

import com.tsh.erp.events.EventType;
import com.tsh.erp.events.Topics;
import java.util.List;

/** The events catalog-service publishes. */
public final class CatalogEvents {

    public static final EventType<ProductUpserted> PRODUCT_UPSERTED =
            new EventType<>("ProductUpserted", "Product", Topics.CATALOG_PRODUCTS, ProductUpserted.class);
    public static final EventType<ProductDeactivated> PRODUCT_DEACTIVATED =
            new EventType<>("ProductDeactivated", "Product", Topics.CATALOG_PRODUCTS, ProductDeactivated.class);
    public static final EventType<CategoryUpserted> CATEGORY_UPSERTED =
            new EventType<>("CategoryUpserted", "Category", Topics.CATALOG_CATEGORIES, CategoryUpserted.class);
    public static final EventType<StockChanged> STOCK_CHANGED =
            new EventType<>("StockChanged", "Product", Topics.CATALOG_STOCK, StockChanged.class);

    public static final EventType<StockReserved> STOCK_RESERVED =
            new EventType<>("StockReserved", "StockReservation", Topics.CATALOG_STOCK, StockReserved.class);
    public static final EventType<StockReservationRejected> STOCK_RESERVATION_REJECTED =
            new EventType<>("StockReservationRejected", "StockReservation", Topics.CATALOG_STOCK,
                    StockReservationRejected.class);

    public static final List<EventType<?>> ALL = List.of(PRODUCT_UPSERTED, PRODUCT_DEACTIVATED, CATEGORY_UPSERTED,
            STOCK_CHANGED, STOCK_RESERVED, STOCK_RESERVATION_REJECTED);

    private CatalogEvents() {
    }
}
