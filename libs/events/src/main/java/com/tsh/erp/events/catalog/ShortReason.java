package com.tsh.erp.events.catalog;

/** Why a line of an order could not be reserved ({@link StockReservationRejected.ShortLine#reason()}). */
public enum ShortReason {
    INSUFFICIENT_STOCK, UNKNOWN_PRODUCT, INACTIVE_PRODUCT, INVALID_QUANTITY
}
