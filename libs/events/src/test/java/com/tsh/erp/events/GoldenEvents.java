package com.tsh.erp.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The golden example of each event type, as producer and consumer tests use it (from the test-jar). */
public final class GoldenEvents {

    private GoldenEvents() {
    }

    public static String path(EventType<?> type) {
        return "/golden/" + type.topic() + "/" + type.name() + ".json";
    }

    /** The golden JSON text of the event type, or an error naming the missing file. */
    public static String json(EventType<?> type) {
        try (InputStream in = GoldenEvents.class.getResourceAsStream(path(type))) {
            if (in == null) {
                throw new IllegalStateException("No golden example for " + type.name() + " at " + path(type));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden example read as its typed envelope. */
    public static <P> EventEnvelope<P> envelope(EventType<P> type) {
        return EventJson.payload(EventJson.read(json(type)), type);
    }
}
