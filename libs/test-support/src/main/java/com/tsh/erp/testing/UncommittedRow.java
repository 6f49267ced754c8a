package com.tsh.erp.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A race made deterministic: another transaction writes a row and keeps it uncommitted while a
 * request runs; once the request waits on that row (a unique index, a row lock), the transaction
 * commits. The request's own checks could not see the row; the database decides, as it does when
 * two clients race for real.
 */
public final class UncommittedRow {

    private static final Duration WAIT_FOR_BLOCK = Duration.ofSeconds(15);

    private UncommittedRow() {
    }

    /**
     * Runs {@code sql} with {@code args} in a transaction, starts {@code request}, commits when the
     * request is blocked by that transaction (or has finished, or after 15 s), and returns the
     * request's result.
     */
    public static <T> T whileHeld(Db db, String sql, List<Object> args, Callable<T> request) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection holder = db.connection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement ps = holder.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                ps.executeUpdate();
            }
            int holderPid = pid(holder);
            Future<T> result = executor.submit(request);
            long deadline = System.nanoTime() + WAIT_FOR_BLOCK.toNanos();
            while (!result.isDone() && !blocksSomeone(db, holderPid) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            holder.commit();
            return result.get(30, TimeUnit.SECONDS);
        } finally {
            executor.shutdownNow();
        }
    }

    private static int pid(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_backend_pid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static boolean blocksSomeone(Db db, int pid) {
        return db.count("select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))", pid) > 0;
    }
}
