package com.tsh.erp.outbox.demo;

import com.tsh.erp.events.EventJson;
import com.tsh.erp.outbox.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer whose effect is not idempotent by itself (a plain insert): only the inbox stops a double apply. */
@ApplicationScoped
public class DemoConsumer {

    @Inject
    EventConsumer events;
    @Inject
    DemoNotes notes;
    @Inject
    DataSource dataSource;

    @Incoming("demo-in")
    @Blocking
    public void onNoteEvent(ConsumerRecord<String, String> record) {
        events.consume("demo-consumer", record, event -> {
            NoteAdded note = EventJson.payload(event, notes.type()).payload();
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement(
                         "insert into demo_applied (event_id, note_key, seq) values (?, ?, ?)")) {
                ps.setObject(1, event.eventId());
                ps.setString(2, note.key());
                ps.setInt(3, note.seq());
                ps.executeUpdate();
            }
        });
    }
}
