package com.tsh.erp.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The inbox: which events a consumer has applied. Recording an id happens in the transaction of
 * the effect, so the two commit or roll back together. A concurrent second delivery of the same
 * event waits on the primary key until the first commits, then finds the id and is skipped.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    DataSource dataSource;

    /** Records the event as handled by this consumer; false if it already was (a redelivery: skip it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordFirstDelivery(String consumer, UUID eventId, String eventType) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into tsh_inbox (consumer, event_id, event_type) values (?, ?, ?) on conflict do nothing")) {
            ps.setString(1, consumer);
            ps.setObject(2, eventId);
            ps.setString(3, eventType);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record event " + eventId + " for " + consumer + ": " + e.getMessage(), e);
        }
    }
}
