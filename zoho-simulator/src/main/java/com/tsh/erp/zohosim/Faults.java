package com.tsh.erp.zohosim;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Faults injected into admitted API calls, for the sync's tests: a share answered 500 or 429 without doing
 * anything, a delay before every call, and a share of creates whose answer is lost after the record was made.
 * The draws come from one {@link Random}; {@code seed} in {@code PUT /sim/faults} makes a run repeatable
 * (as far as the order of concurrent calls allows).
 */
@ApplicationScoped
public class Faults {

    /** The settings, all off by default. */
    public record Settings(double errorRate, double throttleRate, long latencyMs, double lostAnswerRate, long lostAnswerDelayMs) {
        static final Settings NONE = new Settings(0, 0, 0, 0, 15_000);
    }

    private volatile Settings settings = Settings.NONE;
    private Random random = new Random();

    public Settings settings() {
        return settings;
    }

    /** Changes the settings; null leaves one as it is. */
    public synchronized void set(Double errorRate, Double throttleRate, Long latencyMs, Double lostAnswerRate,
                                 Long lostAnswerDelayMs, Long seed) {
        Settings s = settings;
        settings = new Settings(
                errorRate != null ? share("error_rate", errorRate) : s.errorRate(),
                throttleRate != null ? share("throttle_rate", throttleRate) : s.throttleRate(),
                latencyMs != null ? millis("latency_ms", latencyMs) : s.latencyMs(),
                lostAnswerRate != null ? share("lost_answer_rate", lostAnswerRate) : s.lostAnswerRate(),
                lostAnswerDelayMs != null ? millis("lost_answer_delay_ms", lostAnswerDelayMs) : s.lostAnswerDelayMs());
        if (seed != null) {
            random = new Random(seed);
        }
    }

    public synchronized void clear() {
        settings = Settings.NONE;
    }

    /** True with probability {@code rate}. */
    public synchronized boolean draw(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }

    private static double share(String name, double v) {
        if (v < 0 || v > 1) {
            throw ZohoException.invalid(name, "a share between 0 and 1");
        }
        return v;
    }

    private static long millis(String name, long v) {
        if (v < 0 || v > 600_000) {
            throw ZohoException.invalid(name, "milliseconds between 0 and 600000");
        }
        return v;
    }

    public Map<String, Object> state() {
        Settings s = settings;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error_rate", s.errorRate());
        m.put("throttle_rate", s.throttleRate());
        m.put("latency_ms", s.latencyMs());
        m.put("lost_answer_rate", s.lostAnswerRate());
        m.put("lost_answer_delay_ms", s.lostAnswerDelayMs());
        return m;
    }
}
