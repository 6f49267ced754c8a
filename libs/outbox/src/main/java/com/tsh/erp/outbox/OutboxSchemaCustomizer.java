package com.tsh.erp.outbox;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Hooks {@link OutboxSchema} into the service's own Flyway run (Quarkus's
 * {@code migrate-at-start}): before the service validates or migrates, the library's tables are
 * brought up to date under their own history. So a service needs nothing in its configuration for
 * the library's tables, and its Hibernate validation at start-up finds them in place.
 */
@ApplicationScoped
public class OutboxSchemaCustomizer implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        Callback[] existing = configuration.getCallbacks();
        Callback[] all = Arrays.copyOf(existing, existing.length + 1);
        all[existing.length] = new LibraryFirst(configuration.getTable());
        configuration.callbacks(all);
    }

    /** Runs the library's migrations once, at the first validate or migrate of the service's Flyway. */
    static final class LibraryFirst implements Callback {

        private final String serviceHistoryTable;
        private volatile boolean done;

        LibraryFirst(String serviceHistoryTable) {
            this.serviceHistoryTable = serviceHistoryTable;
        }

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
                OutboxSchema.migrate(context.getConfiguration().getDataSource(), serviceHistoryTable);
                done = true;
            }
        }

        @Override
        public String getCallbackName() {
            return "tsh-outbox-schema";
        }
    }
}
