package com.tsh.erp.jobs;

import java.util.Arrays;
import javax.sql.DataSource;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
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
        Callback[] existing = configuration.getCallbacks();
        Callback[] all = Arrays.copyOf(existing, existing.length + 1);
        all[existing.length] = new LibraryFirst();
        configuration.callbacks(all);
    }

    /** Runs the library's migrations once, at the first validate or migrate of the service's Flyway. */
    static final class LibraryFirst implements Callback {

        private volatile boolean done;

        @Override
        public boolean supports(Event event, Context context) {
            return !done && (event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE);
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true; // it works on connections of its own
        }

        @Override
        public synchronized void handle(Event event, Context context) {
            if (!done) {
                migrate(context.getConfiguration().getDataSource());
                done = true;
            }
        }

        @Override
        public String getCallbackName() {
            return "tsh-jobs-schema";
        }
    }
}
