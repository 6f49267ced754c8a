package com.tsh.erp.events.catalog;

/**
 * Why a product's stock figures changed, in {@link StockChanged}, the stock ledger API and the
 * {@code stock_ledger.reason} column by its name.
 */
public enum StockChangeReason {
    ADJUSTMENT, RESERVATION, RELEASE, DELIVERY, IMPORT
}
