package com.tsh.erp.zoho.client;

import com.tsh.erp.zoho.config.ZohoConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Zoho's limits, shared by every replica through Redis: at most {@code calls-per-minute} calls in any
 * 60 s (plus a margin), {@code calls-per-day} a UTC day and {@code max-concurrent} in flight. Each check
 * is one Lua script, so two replicas can never both take the last permit.
 *
 * <ul>
 *   <li>The minute is a sliding log (a sorted set of grant times, Redis's own clock), not a fixed window:
 *       Zoho counts any 60 s, and two fixed windows back to back could let 2x the limit through in one
 *       real minute. A permit is granted the moment the oldest grant leaves the window, so a backlog
 *       uses the whole limit (BENCHMARKS.md, "Zoho budget").</li>
 *   <li>In-flight calls are leases with an end time: a replica that dies holding one does not shrink the
 *       concurrency for ever.</li>
 *   <li>Calls refused by a limit do not count; calls that fail (5xx, timeout) do, as Zoho counts them.</li>
 * </ul>
 */
@ApplicationScoped
public class ZohoBudget {

    /** Returns {1, 0} granted; {-1, ms} minute full; {-2, 0} day full; {-3, ms} too many in flight. */
    private static final String ACQUIRE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local window = tonumber(ARGV[4])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
            if tonumber(redis.call('GET', KEYS[2]) or '0') >= tonumber(ARGV[2]) then return {-2, 0} end
            if redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[3]) then return {-3, 20} end
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then
              local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
              return {-1, math.max(1, tonumber(oldest[2]) + window - now)}
            end
            redis.call('ZADD', KEYS[1], now, ARGV[5])
            redis.call('PEXPIRE', KEYS[1], window * 2)
            redis.call('INCR', KEYS[2])
            redis.call('EXPIRE', KEYS[2], 172800)
            redis.call('ZADD', KEYS[3], now + tonumber(ARGV[6]), ARGV[5])
            redis.call('PEXPIRE', KEYS[3], tonumber(ARGV[6]) * 2)
            return {1, 0}""";

    private static final String USAGE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[1]))
            redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
            return {redis.call('ZCARD', KEYS[1]), tonumber(redis.call('GET', KEYS[2]) or '0'), redis.call('ZCARD', KEYS[3])}""";

    @Inject
    RedisDataSource redis;
    @Inject
    ZohoConfig config;

    private String minuteKey;
    private String flightKey;

    @PostConstruct
    void keys() {
        // one hash tag: the three keys live in one slot, so the script also runs on a Redis cluster
        minuteKey = "{" + config.redisPrefix() + ":budget}:minute";
        flightKey = "{" + config.redisPrefix() + ":budget}:flight";
    }

    private String dayKey() {
        return "{" + config.redisPrefix() + ":budget}:day:" + LocalDate.now(ZoneOffset.UTC);
    }

    private long windowMs() {
        return Duration.ofMinutes(1).plus(config.budget().windowMargin()).toMillis();
    }

    /** A granted call; close it when the answer is in (or the call failed). */
    public final class Permit implements AutoCloseable {
        private final String id;

        private Permit(String id) {
            this.id = id;
        }

        @Override
        public void close() {
            redis.execute("ZREM", flightKey, id);
        }
    }

    /** The day's limit is used up: nothing may be sent until the next UTC day. */
    public static final class DayLimitReached extends RuntimeException {
        public DayLimitReached() {
            super("Zoho's daily call limit is used up until midnight UTC");
        }
    }

    /**
     * Waits until a call may be made, then takes a permit. Waits are short sleeps until the oldest call in
     * the window leaves it; the day's limit is not waited for (the caller reschedules its work).
     */
    public Permit acquire() throws InterruptedException {
        long lease = config.callTimeout().toMillis() * 3;
        while (true) {
            String id = UUID.randomUUID().toString();
            Response r = redis.execute("EVAL", ACQUIRE, "3", minuteKey, dayKey(), flightKey,
                    String.valueOf(config.budget().callsPerMinute()), String.valueOf(config.budget().callsPerDay()),
                    String.valueOf(config.budget().maxConcurrent()), String.valueOf(windowMs()), id, String.valueOf(lease));
            long verdict = r.get(0).toLong();
            if (verdict == 1) {
                return new Permit(id);
            }
            if (verdict == -2) {
                throw new DayLimitReached();
            }
            Thread.sleep(Math.min(r.get(1).toLong(), 1_000));
        }
    }

    /** Calls in the last minute, today, and in flight now, over every replica. */
    public Usage usage() {
        Response r = redis.execute("EVAL", USAGE, "3", minuteKey, dayKey(), flightKey, String.valueOf(windowMs()));
        return new Usage(r.get(0).toInteger(), r.get(1).toInteger(), r.get(2).toInteger(), config.budget().callsPerMinute(),
                config.budget().callsPerDay(), config.budget().maxConcurrent());
    }

    public record Usage(int minuteUsed, int dayUsed, int inFlight, int minuteLimit, int dayLimit, int maxConcurrent) {
    }
}
