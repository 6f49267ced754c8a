package com.tsh.erp.bench;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of the local PostgreSQL server, for the loaders of generated data run from the command line
 * (deploy/local/order-data.sh, data-10x.sh). The server comes from TSH_PG_HOST, TSH_PG_PORT, TSH_PG_USER and
 * TSH_PG_PASSWORD, as for the services (README); 127.0.0.1:5432 as postgres without a password otherwise.
 */
public final class LocalDatabase {

    private LocalDatabase() {
    }

    public static DataSource named(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {env("TSH_PG_HOST", "127.0.0.1")});
        ds.setPortNumbers(new int[] {Integer.parseInt(env("TSH_PG_PORT", "5432"))});
        ds.setDatabaseName(database);
        ds.setUser(env("TSH_PG_USER", "postgres"));
        ds.setPassword(env("TSH_PG_PASSWORD", ""));
        return ds;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
