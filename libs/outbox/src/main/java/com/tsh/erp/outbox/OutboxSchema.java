package com.tsh.erp.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * The library's own tables (outbox, inbox, idempotency keys) and their migrations, kept apart from
 * the service's: a Flyway run of their own, with the history table {@value #HISTORY_TABLE} and the
 * scripts under {@value #LOCATION} ({@code V1__...}, {@code V2__...}, numbered by the library alone).
 * The library and each service therefore evolve independently: a new library migration never has
 * to fit between, or below, a service's versions.
 *
 * <p>{@link OutboxSchemaCustomizer} runs it at start-up, just before the service's own migrations.
 *
 * <p>Mind Flyway's classpath locations: they match by prefix, so no other folder on a service's
 * class path may start with {@code db/outbox} (a {@code db/outbox-old} would be scanned too).
 *
 * <p>Databases made before this split had the library's script in the service's history as
 * version 0.1 ({@code V0_1__outbox_and_inbox.sql}); the first run here moves it: the library's
 * history is baselined at version 1 (the same tables) and the old row leaves the service's history.
 */
public final class OutboxSchema {

    public static final String HISTORY_TABLE = "tsh_outbox_schema_history";
    public static final String LOCATION = "classpath:db/outbox";
    static final String LEGACY_SCRIPT = "V0_1__outbox_and_inbox.sql";

    private static final Logger LOG = Logger.getLogger(OutboxSchema.class);

    private OutboxSchema() {
    }

    /** Brings the library's tables to their latest version; returns how many migrations ran. */
    public static int migrate(DataSource dataSource, String serviceHistoryTable) {
        return migrate(dataSource, serviceHistoryTable, LOCATION);
    }

    /** The same from other locations (tests add a later library migration this way). */
    public static int migrate(DataSource dataSource, String serviceHistoryTable, String... locations) {
        if (adoptLegacyLayout(dataSource, serviceHistoryTable)) {
            flyway(dataSource, locations).baselineVersion("1")
                    .baselineDescription("outbox and inbox, moved from the service history").load().baseline();
            LOG.infof("Outbox tables found under the service's history: the library's history now starts at version 1");
        }
        // baselineVersion 0: in a schema that already holds the service's tables, V1 and later still run
        MigrateResult result = flyway(dataSource, locations).baselineOnMigrate(true).baselineVersion("0").load().migrate();
        return result.migrationsExecuted;
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource dataSource, String... locations) {
        return Flyway.configure(OutboxSchema.class.getClassLoader())
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations(locations)
                .validateMigrationNaming(true);
    }

    /**
     * True when the tables exist but the library's history does not (a database of the old layout);
     * removes the old row from the service's history in any case, so the service's validation no
     * longer looks for a script that moved.
     */
    private static boolean adoptLegacyLayout(DataSource dataSource, String serviceHistoryTable) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            boolean tables = exists(c, "tsh_outbox");
            boolean history = exists(c, HISTORY_TABLE);
            if (exists(c, serviceHistoryTable)) {
                try (PreparedStatement ps = c.prepareStatement(
                        "delete from " + quoted(serviceHistoryTable) + " where script = ?")) {
                    ps.setString(1, LEGACY_SCRIPT);
                    if (ps.executeUpdate() > 0) {
                        LOG.infof("Removed %s from %s: the library keeps its own history now", LEGACY_SCRIPT, serviceHistoryTable);
                    }
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return tables && !history;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not inspect the outbox tables: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select to_regclass(?) is not null")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String quoted(String identifier) {
        if (!identifier.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("unexpected history table name " + identifier);
        }
        return '"' + identifier + '"';
    }
}
