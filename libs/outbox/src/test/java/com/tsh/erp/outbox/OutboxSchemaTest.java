package com.tsh.erp.outbox;

import com.tsh.erp.testing.Db;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.devstack.DevStack;
import com.tsh.erp.devstack.DevStackSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The library's tables migrate under a history of their own, so the library and each service can
 * add migrations independently. Each test works in a fresh database of its own, migrated the way a
 * service's start-up does (the service's Flyway with {@link OutboxSchemaCustomizer}).
 */
class OutboxSchemaTest {

    private String database;
    private DataSource dataSource;
    private Db sql;

    @BeforeEach
    void freshDatabase() {
        DevStack stack = DevStack.shared().start();
        database = "tsh_outbox_schema_" + Long.toString(System.nanoTime(), 36) + "_" + ProcessHandle.current().pid();
        stack.createDatabaseIfMissing(database);
        DevStackSettings s = stack.settings();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(s.jdbcUrl(database));
        ds.setUser(s.pgUser());
        ds.setPassword(s.pgPassword());
        dataSource = ds;
        sql = new Db(ds);
    }

    @AfterEach
    void dropDatabase() {
        DevStack.shared().dropDatabase(database);
    }

    /** The service's own Flyway as Quarkus configures it at start-up, with the library's hook. */
    private Flyway serviceFlyway(Consumer<FluentConfiguration> tweak) {
        FluentConfiguration c = Flyway.configure(getClass().getClassLoader()).dataSource(dataSource)
                .locations("classpath:db/migration").baselineOnMigrate(true).baselineVersion("0");
        tweak.accept(c);
        new OutboxSchemaCustomizer().customize(c);
        return c.load();
    }

    @Test
    void aNewDatabaseGetsBothHistories() {
        assertEquals(1, serviceFlyway(c -> { }).migrate().migrationsExecuted, "the service's V1");
        assertEquals(1, sql.count("select count(*) from tsh_outbox_schema_history where version = '1' and success"));
        assertEquals(1, sql.count("select count(*) from flyway_schema_history where version = '1' and success"));
        assertEquals(16, sql.count("select count(*) from tsh_outbox_lane"));
        assertEquals(0, sql.count("select count(*) from flyway_schema_history where script like '%outbox%'"));
    }

    @Test
    void aLaterLibraryMigrationReachesADatabaseAlreadyAtTheServicesLatestVersion() {
        serviceFlyway(c -> { }).migrate();
        exec("insert into tsh_outbox (event_id, topic, message_key, lane, event_type, envelope) "
                + "values (gen_random_uuid(), 't', 'k', 1, 'E', '{}')");

        // the library ships a new migration; the service's versions have not moved
        int ran = OutboxSchema.migrate(dataSource, "flyway_schema_history", OutboxSchema.LOCATION, "classpath:db/later-library-migrations");

        assertEquals(1, ran);
        assertEquals(1, sql.count("select count(*) from tsh_outbox_schema_history where version = '900' and success"));
        assertEquals(1, sql.count("select count(*) from tsh_outbox where later_test_column is null"), "rows kept");
        assertTrue(serviceFlyway(c -> { }).validateWithResult().validationSuccessful, "the service's history is untouched");
        assertEquals(0, serviceFlyway(c -> { }).migrate().migrationsExecuted);
    }

    @Test
    void aDatabaseOfTheOldLayoutMovesToTheLibrarysHistory() throws IOException {
        // before the split: the library's first script was version 0.1 in the service's own history
        Flyway.configure(getClass().getClassLoader()).dataSource(dataSource)
                .locations("classpath:db/migration", "filesystem:" + oldLayoutScripts()).load().migrate();
        exec("insert into tsh_outbox (event_id, topic, message_key, lane, event_type, envelope) "
                + "values (gen_random_uuid(), 't', 'k', 1, 'E', '{}')");
        assertEquals(1, sql.count("select count(*) from flyway_schema_history where version = '0.1'"));

        Flyway service = serviceFlyway(c -> { });
        assertEquals(0, service.migrate().migrationsExecuted);

        assertEquals(0, sql.count("select count(*) from flyway_schema_history where version = '0.1'"));
        assertEquals(1, sql.count("select count(*) from tsh_outbox_schema_history where version = '1' and type = 'BASELINE'"));
        assertEquals(1, sql.count("select count(*) from tsh_outbox"), "the pending event survived");
        assertTrue(service.validateWithResult().validationSuccessful);
        // and from here on the library's later migrations apply as on any other database
        assertEquals(1, OutboxSchema.migrate(dataSource, "flyway_schema_history", OutboxSchema.LOCATION,
                "classpath:db/later-library-migrations"));
    }

    /** The library's first script under the name and version it had before the split, in a folder of its own. */
    private static Path oldLayoutScripts() throws IOException {
        Path dir = Files.createTempDirectory("outbox-before-the-split");
        try (InputStream v1 = OutboxSchemaTest.class.getResourceAsStream("/db/outbox/V1__outbox_and_inbox.sql")) {
            Files.copy(v1, dir.resolve(OutboxSchema.LEGACY_SCRIPT));
        }
        return dir;
    }

    private void exec(String statement) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
