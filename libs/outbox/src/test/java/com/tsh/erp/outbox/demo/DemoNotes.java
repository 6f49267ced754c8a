package com.tsh.erp.outbox.demo;

import com.tsh.erp.events.EventEnvelope;
import com.tsh.erp.events.EventType;
import com.tsh.erp.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** A stand-in business service: writes a row and its event in one transaction. */
@ApplicationScoped
public class DemoNotes {

    @Inject
    DataSource dataSource;
    @Inject
    OutboxWriter outbox;
    @ConfigProperty(name = "tsh.test.topic")
    String topic;

    public EventType<NoteAdded> type() {
        return type(topic);
    }

    /** The topic the notes' events go to (this run's own: tsh.test.topic). */
    public String topic() {
        return topic;
    }

    public static EventType<NoteAdded> type(String topic) {
        return new EventType<>("NoteAdded", "Note", topic, NoteAdded.class);
    }

    @Transactional
    public EventEnvelope<NoteAdded> add(String key, int seq, boolean failAfterWriting) {
        return add(type(), key, seq, failAfterWriting);
    }

    @Transactional
    public EventEnvelope<NoteAdded> add(EventType<NoteAdded> type, String key, int seq, boolean failAfterWriting) {
        insert(key, seq);
        EventEnvelope<NoteAdded> event = outbox.append(type, key, seq, "user:test", new NoteAdded(key, seq, "note " + seq));
        if (failAfterWriting) {
            throw new IllegalStateException("a business rule failed after the event was written");
        }
        return event;
    }

    /** Notes seq from..from+count-1 for each key, in one transaction. */
    @Transactional
    public List<EventEnvelope<NoteAdded>> addMany(List<String> keys, int from, int count) {
        List<EventEnvelope<NoteAdded>> events = new ArrayList<>();
        for (int seq = from; seq < from + count; seq++) {
            for (String key : keys) {
                insert(key, seq);
                events.add(outbox.append(type(), key, seq, "user:test", new NoteAdded(key, seq, "note " + seq)));
            }
        }
        return events;
    }

    private void insert(String key, int seq) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into demo_note (note_key, seq, text) values (?, ?, ?)")) {
            ps.setString(1, key);
            ps.setInt(2, seq);
            ps.setString(3, "note " + seq);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
