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

    /**
     * The stock invariants: each product's figures are its ledger's sums, its reservations add up to
     * what it holds reserved, and nothing is oversold. Tests that move stock check it after each test.
     */
    protected void assertStockFiguresEqualTheLedger() {
        org.junit.jupiter.api.Assertions.assertEquals(0, db.count("""
                select count(*) from product p where
                  p.stock_on_hand <> (select coalesce(sum(on_hand_delta), 0) from stock_ledger l where l.product_id = p.id)
                  or p.reserved <> (select coalesce(sum(reserved_delta), 0) from stock_ledger l where l.product_id = p.id)
                  or p.reserved <> (select coalesce(sum(quantity), 0) from stock_reservation r where r.product_id = p.id and r.status = 'RESERVED')
                  or p.available < 0"""), "stock figures, ledger and reservations agree, and nothing is oversold");
    }
}
