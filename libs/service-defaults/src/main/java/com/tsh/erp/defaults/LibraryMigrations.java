package com.tsh.erp.defaults;

import java.util.Arrays;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * For a library that brings tables of its own (libs/outbox, libs/jobs) migrated under a Flyway history of their own:
 * hooks that migration into the service's Flyway run (Quarkus's {@code migrate-at-start}), so it runs once, just
 * before the service validates or migrates, and the service needs nothing in its configuration for those tables.
 * A library's {@code FlywayConfigurationCustomizer} calls {@link #first}.
 */
public final class LibraryMigrations {

    private LibraryMigrations() {
    }

    /** Adds {@code migrate} (given the service's data source) to the configuration's callbacks, under {@code name}. */
    public static void first(FluentConfiguration configuration, String name, Consumer<DataSource> migrate) {
        Callback[] existing = configuration.getCallbacks();
        Callback[] all = Arrays.copyOf(existing, existing.length + 1);
        all[existing.length] = new First(name, migrate);
        configuration.callbacks(all);
    }

    /** Runs the library's migrations once, at the first validate or migrate of the service's Flyway. */
    private static final class First implements Callback {

        private final String name;
        private final Consumer<DataSource> migrate;
        private volatile boolean done;

        First(String name, Consumer<DataSource> migrate) {
            this.name = name;
            this.migrate = migrate;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return !done && (event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE);
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true; // the library migrates on connections of its own
        }

        @Override
        public synchronized void handle(Event event, Context context) {
            if (!done) {
                migrate.accept(context.getConfiguration().getDataSource());
                done = true;
            }
        }

        @Override
        public String getCallbackName() {
            return name;
        }
    }
}
