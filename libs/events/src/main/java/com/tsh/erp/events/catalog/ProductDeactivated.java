package com.tsh.erp.events.catalog;

import java.time.Instant;

/** A product was taken out of sale. It stays readable by id (old orders point at it). */
public record ProductDeactivated(long productId, String sku, Instant deactivatedAt) {
}
