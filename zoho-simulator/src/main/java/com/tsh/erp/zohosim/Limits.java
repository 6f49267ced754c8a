package com.tsh.erp.zohosim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Zoho's per-organization limits on API calls: at most {@code calls_per_minute} in any sliding 60-second
 * window, {@code calls_per_day} per UTC day, {@code max_concurrent} in flight. A call is admitted only when
 * all three allow it, and only an admitted call counts (refused ones do not). One organization, so one lock.
 */
@ApplicationScoped
public class Limits {

    static final long WINDOW_MILLIS = 60_000;

    @Inject
    SimSettings settings;

    private final ArrayDeque<Long> window = new ArrayDeque<>();
    private LocalDate day;
    private long today;
    private int inFlight;
    private int perMinute = -1;
    private int perDay;
    private int maxConcurrent;

    private void init() {
        if (perMinute < 0) {
            perMinute = settings.callsPerMinute();
            perDay = settings.callsPerDay();
            maxConcurrent = settings.maxConcurrent();
        }
    }

    /**
     * Admits a call (it then counts, and is in flight until {@link #done()}) or refuses it.
     *
     * @throws ZohoException 429 with Zoho's code (1070 concurrency, 44 per minute, 45 per day) and Retry-After
     */
    public synchronized void admit(long now) {
        init();
        prune(now);
        if (inFlight >= maxConcurrent) {
            throw new ZohoException(429, 1070, "You have exceeded the maximum number of concurrent calls allowed.", 1, "limited");
        }
        if (window.size() >= perMinute) {
            long wait = window.isEmpty() ? WINDOW_MILLIS : window.peekFirst() + WINDOW_MILLIS - now;
            throw new ZohoException(429, 44, "You have made too many requests continuously. Please try again after some time.",
                    (int) Math.max(1, (wait + 999) / 1000), "limited");
        }
        if (today >= perDay) {
            long midnight = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            throw new ZohoException(429, 45, "You have reached the maximum number of API calls allowed for your organization per day.",
                    (int) Math.max(1, (midnight - now + 999) / 1000), "limited");
        }
        window.addLast(now);
        today++;
        inFlight++;
    }

    /** An admitted call has been answered. */
    public synchronized void done() {
        inFlight--;
    }

    private void prune(long now) {
        while (!window.isEmpty() && window.peekFirst() <= now - WINDOW_MILLIS) {
            window.removeFirst();
        }
        LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(now, 86_400_000L));
        if (!d.equals(day)) {
            day = d;
            today = 0;
        }
    }

    /** Changes the limits; null leaves one as it is. */
    public synchronized void set(Integer callsPerMinute, Integer callsPerDay, Integer concurrent) {
        init();
        if (callsPerMinute != null) {
            perMinute = requirePositive("calls_per_minute", callsPerMinute);
        }
        if (callsPerDay != null) {
            perDay = requirePositive("calls_per_day", callsPerDay);
        }
        if (concurrent != null) {
            maxConcurrent = requirePositive("max_concurrent", concurrent);
        }
    }

    private static int requirePositive(String name, int value) {
        if (value < 1) {
            throw ZohoException.invalid(name, "must be at least 1");
        }
        return value;
    }

    /** Back to the configured limits, counters emptied (calls in flight stay in flight). */
    public synchronized void reset() {
        perMinute = -1;
        init();
        window.clear();
        today = 0;
    }

    public synchronized Map<String, Object> state(long now) {
        init();
        prune(now);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("calls_last_minute", window.size());
        s.put("calls_today", today);
        s.put("in_flight", inFlight);
        s.put("calls_per_minute", perMinute);
        s.put("calls_per_day", perDay);
        s.put("max_concurrent", maxConcurrent);
        return s;
    }
}
