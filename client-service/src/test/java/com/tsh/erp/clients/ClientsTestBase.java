package com.tsh.erp.clients;

import com.tsh.erp.testing.Db;
import com.tsh.erp.testing.TestRun;

/**
 * What every {@code @QuarkusTest} of the client service stands on: the real servers and a database
 * of this run's own ({@link ClientsTestStack}), this run's topics and the events on them
 * ({@link #run}), and single figures from the test database ({@link #db}).
 */
@ClientsTestStack
abstract class ClientsTestBase {

    protected final TestRun run = new TestRun();
    protected final Db db = new Db();

    /** The money invariant: every client's balance is its ledger's sum. Tests that move money check it after each test. */
    protected void assertBalancesAreTheLedgersSum() {
        org.junit.jupiter.api.Assertions.assertEquals(0, db.count("""
                select count(*) from client c where c.balance <>
                  (select coalesce(sum(amount), 0) from client_ledger l where l.client_id = c.id)"""), "balances are their ledgers' sums");
    }
}
