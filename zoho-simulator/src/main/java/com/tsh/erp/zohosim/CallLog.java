package com.tsh.erp.zohosim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Every call received on Zoho's routes (the API and {@code /oauth/v2/token}; not {@code /sim}), numbered in
 * the order they were answered, so a reader that asks for {@code after=<last seq seen>} misses none. The
 * newest {@code zoho.sim.call-log-size} are kept.
 */
@ApplicationScoped
public class CallLog {

    /** One call; {@code at} is when it was received, ISO-8601 with milliseconds. */
    public record Call(long seq, String at, String method, String path, String query, int status, String outcome) {
    }

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Inject
    SimSettings settings;

    private final ArrayDeque<Call> calls = new ArrayDeque<>();
    private long seq;

    public synchronized long add(long receivedAt, String method, String path, String query, int status, String outcome) {
        seq++;
        calls.addLast(new Call(seq, AT.format(Instant.ofEpochMilli(receivedAt)), method, path, query == null ? "" : query,
                status, outcome));
        while (calls.size() > settings.callLogSize()) {
            calls.removeFirst();
        }
        return seq;
    }

    public synchronized List<Call> after(long after, int limit) {
        List<Call> out = new ArrayList<>();
        for (Call c : calls) {
            if (c.seq() > after) {
                out.add(c);
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    public synchronized long last() {
        return seq;
    }

    /** Emptied; numbering goes on (a reader's {@code after} stays meaningful). */
    public synchronized void clear() {
        calls.clear();
    }
}
