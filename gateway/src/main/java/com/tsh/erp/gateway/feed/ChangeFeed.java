package com.tsh.erp.gateway.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.gateway.feed.ChangeCursor.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the change feed ({@link FeedWriter} keeps it) for one caller: the records of the asked types that the caller
 * may see, whose latest change has a sequence after the cursor's, in sequence order, one page at a time.
 *
 * <p>One statement reads the page and the highest committed sequence (the watermark, {@code feed_sequence}), so both
 * come from one snapshot. Every record committed later has a higher sequence than the watermark ({@link FeedWriter}),
 * so when the page holds everything there is ({@code has_more} false) the next cursor continues from the watermark:
 * nothing committed meanwhile is behind it, and what the caller may not see is not scanned again. Otherwise it
 * continues from the last record of the page.
 *
 * <p>Each type is read from its own index range ({@code (kind, seq)}; a salesperson's clients from
 * {@code (salesperson_id, seq)}, a client's own by its key) and the ranges are merged, so a page costs at most
 * {@code limit + 1} index rows per type.
 */
@ApplicationScoped
public class ChangeFeed {

    /** Whose view: every client, one salesperson's, one client's own, or none. */
    public record Scope(String code, Long salespersonId, Long clientId, boolean allClients) {
        public static Scope all() {
            return new Scope("all", null, null, true);
        }

        public static Scope salesperson(long id) {
            return new Scope("s" + id, id, null, false);
        }

        public static Scope client(long id) {
            return new Scope("c" + id, null, id, false);
        }

        public static Scope none() {
            return new Scope("none", null, null, false);
        }
    }

    private record Row(String kind, long id, long version, long seq, boolean active, boolean removed, String data, long watermark) {
    }

    @Inject
    Sql sql;

    /**
     * A page after {@code cursor}, or from scratch when it is null (then {@code types} and {@code scope} start the
     * cursor; with a cursor they must be the cursor's, which the caller checked).
     */
    public FeedView.Page page(ChangeCursor cursor, Set<Kind> types, Scope scope, int limit) {
        long after = cursor == null ? 0 : cursor.after();
        // From scratch the phone holds nothing, so records that were already inactive when the sync started are left
        // out: the start is the watermark of the first statement (bound inside it, one snapshot), then the cursor's.
        long start = cursor == null ? 0 : cursor.start();
        List<String> parts = new ArrayList<>();
        String live = " and seq > :after and (active or seq > :start)";
        for (Kind k : types) {
            switch (k) {
                case products, categories -> parts.add(select("'" + k.row + "'", "kind = '" + k.row + "'" + live));
                case clients -> {
                    if (scope.allClients()) {
                        parts.add(select("'client'", "kind = 'client'" + live));
                    } else if (scope.salespersonId() != null) {
                        parts.add(select("'client'", "kind = 'client' and salesperson_id = :sp" + live));
                        parts.add("""
                                (select 'client' as kind, record_id, version, seq, false as active, true as removed, null::text as data
                                 from feed_revocation where salesperson_id = :sp and seq > :after and seq > :start
                                 order by seq limit :n)""");
                    } else if (scope.clientId() != null) {
                        parts.add(select("'client'", "kind = 'client' and record_id = :client" + live));
                    }
                }
            }
        }
        String rows = parts.isEmpty()
                ? "select null::text as kind, 0::bigint as record_id, 0::bigint as version, 0::bigint as seq, false as active, "
                + "false as removed, null::text as data where false"
                : String.join(" union all ", parts);
        String statement = """
                with w as (select last_seq from feed_sequence),
                page as (select * from (%s) x order by seq limit :n)
                select page.kind, page.record_id, page.version, page.seq, page.active, page.removed, page.data, w.last_seq as watermark
                from w left join page on true order by page.seq""".formatted(rows);
        Params params = Params.of("after", after).and("n", limit + 1)
                .and("sp", scope.salespersonId()).and("client", scope.clientId());
        if (cursor == null) {
            statement = statement.replace(":start", "(select last_seq from w)");
        } else {
            params = params.and("start", start);
        }
        List<Row> found = sql.list(statement, params, ChangeFeed::row);
        long watermark = found.get(0).watermark();
        if (cursor != null && after > watermark) {
            throw ChangeCursor.bad("is ahead of this server's changes: not a cursor this server gave; sync again without since");
        }
        List<Row> records = found.stream().filter(r -> r.kind() != null).toList();
        boolean more = records.size() > limit;
        List<Row> pageRows = more ? records.subList(0, limit) : records;
        long nextAfter = more ? pageRows.get(pageRows.size() - 1).seq() : Math.max(after, watermark);
        long nextStart = cursor == null ? watermark : start;
        if (nextAfter >= nextStart) {
            nextStart = 0; // past the sync's start: every change comes, whatever its state
        }
        List<FeedView.Change> items = new ArrayList<>(pageRows.size());
        for (Row r : pageRows) {
            items.add(change(r));
        }
        return new FeedView.Page(items, new ChangeCursor(nextAfter, nextStart, types, scope.code()).encode(), more);
    }

    private static String select(String kindLiteral, String where) {
        return "(select " + kindLiteral + " as kind, record_id, version, seq, active, false as removed, data::text as data "
                + "from feed_record where " + where + " order by seq limit :n)";
    }

    private static Row row(Sql.Row r) throws SQLException {
        String kind = r.getString("kind");
        if (kind == null) {
            return new Row(null, 0, 0, 0, false, false, null, r.getLong("watermark"));
        }
        return new Row(kind, r.getLong("record_id"), r.getLong("version"), r.getLong("seq"), r.getBoolean("active"),
                r.getBoolean("removed"), r.getString("data"), r.getLong("watermark"));
    }

    private static FeedView.Change change(Row r) {
        String change = r.removed() ? "removed" : r.active() ? "upserted" : "deactivated";
        FeedView.Product product = null;
        FeedView.Category category = null;
        FeedView.Client client = null;
        if (!r.removed() && r.data() != null) {
            try {
                switch (r.kind()) {
                    case FeedWriter.PRODUCT -> product = FeedWriter.JSON.readValue(r.data(), FeedView.Product.class);
                    case FeedWriter.CATEGORY -> category = FeedWriter.JSON.readValue(r.data(), FeedView.Category.class);
                    default -> client = FeedWriter.JSON.readValue(r.data(), FeedView.Client.class);
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("feed row " + r.kind() + " " + r.id() + " holds unreadable JSON: " + e.getMessage(), e);
            }
        }
        return new FeedView.Change(r.kind(), r.id(), r.version(), change, product, category, client);
    }
}
