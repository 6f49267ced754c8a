package com.tsh.erp.catalog;

import com.tsh.erp.testing.Db;
import com.tsh.erp.testing.TestRun;

/**
 * What every {@code @QuarkusTest} of the catalog stands on: the real servers and a database of this
 * run's own ({@link CatalogTestStack}), this run's topics and the events on them ({@link #run}), and
 * single figures from the test database ({@link #db}).
 */
@CatalogTestStack
abstract class CatalogTestBase {

    protected final TestRun run = new TestRun();
    protected final Db db = new Db();
}
