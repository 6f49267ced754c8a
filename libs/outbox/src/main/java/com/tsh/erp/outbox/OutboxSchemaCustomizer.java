package com.tsh.erp.outbox;

import com.tsh.erp.defaults.LibraryMigrations;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
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
        String serviceHistoryTable = configuration.getTable();
        LibraryMigrations.first(configuration, "tsh-outbox-schema", ds -> OutboxSchema.migrate(ds, serviceHistoryTable));
    }
}
