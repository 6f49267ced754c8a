package com.tsh.erp.jobs;

import com.tsh.erp.defaults.LibraryMigrations;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The library's table ({@code tsh_job}) migrates under a history of its own ({@value #HISTORY_TABLE}, scripts under
 * {@code db/jobs}), just before the service's own migrations, as libs/outbox does for its tables: the library and
 * each service number their migrations independently. Every service that depends on this library gets it through
 * this Flyway customizer.
 */
@ApplicationScoped
public class JobsSchema implements FlywayConfigurationCustomizer {

    public static final String HISTORY_TABLE = "tsh_jobs_schema_history";
    public static final String LOCATION = "classpath:db/jobs";

    /** Brings the library's table to its latest version; how many migrations ran. */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure(JobsSchema.class.getClassLoader())
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations(LOCATION)
                .validateMigrationNaming(true)
                // in a schema that already holds the service's (or the outbox's) tables, V1 and later still run
                .baselineOnMigrate(true).baselineVersion("0")
                .load().migrate().migrationsExecuted;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        LibraryMigrations.first(configuration, "tsh-jobs-schema", JobsSchema::migrate);
    }
}
