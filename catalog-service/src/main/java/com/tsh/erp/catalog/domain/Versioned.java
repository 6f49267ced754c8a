package com.tsh.erp.catalog.domain;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * What every catalog entity has: an id from its table's identity column and the {@code version}
 * column that answers a stale edit with 409.
 */
@MappedSuperclass
public abstract class Versioned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public long version;
}
