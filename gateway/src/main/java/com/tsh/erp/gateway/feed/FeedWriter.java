package com.tsh.erp.gateway.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tsh.erp.defaults.Sql;
import com.tsh.erp.defaults.Sql.Params;
import com.tsh.erp.events.catalog.CategoryUpserted;
import com.tsh.erp.events.catalog.ProductDeactivated;
import com.tsh.erp.events.catalog.ProductUpserted;
import com.tsh.erp.events.clients.ClientUpserted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the change feed: one row per product, category and client with its latest state and the sequence of its
 * latest change, from the services' events, in the consumer's transaction ({@link FeedConsumer}).
 *
 * <p><b>The version rule.</b> An event whose version is not higher than the row's changes nothing (a repeat, or
 * an older event the relay sent late), so the row ends at the newest state whatever order events come in, and an
 * event applied twice changes nothing (the inbox skips a redelivery before it gets here anyway).
 *
 * <p><b>Sequences in commit order.</b> A reader asks for "everything after sequence N" and must never miss a row
 * committed later with a sequence at or below N. A database sequence ({@code nextval}) does not give that: two
 * consumer transactions (two partitions, two replicas) take 10 and 11, 11 commits first, a phone reads up to 11,
 * then 10 commits behind its cursor and is never sent. So the sequence is taken from the one row of
 * {@code feed_sequence} ({@code update ... set last_seq = last_seq + 1}), whose row lock the writer holds until
 * its transaction ends: writers take sequences one after another, each after the previous one's commit is
 * visible (PostgreSQL makes a commit visible before it releases its locks). Hence every sequence still to commit
 * is higher than every sequence a reader can see, and the highest committed sequence ({@code last_seq} read in
 * the reader's own statement) is a safe watermark: a reader that saw everything up to it may continue from it.
 * The counter is taken last in the transaction (after the inbox row and the audit row) and only by an event that
 * changes the row, so the serialized part is one update and the commit. Every gateway replica's writers share it.
 */
@ApplicationScoped
public class FeedWriter {

    /** The records' JSON as the apps get them: snake_case, ISO times, amounts with their scale. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    public static final String PRODUCT = "product";
    public static final String CATEGORY = "category";
    public static final String CLIENT = "client";

    @Inject
    Sql sql;

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean product(ProductUpserted p, long version) {
        FeedView.Product view = new FeedView.Product(p.productId(), p.sku(), p.name(), p.nameAr(), p.description(), p.descriptionAr(),
                p.categoryId(), p.unit(), p.retailPrice(), p.wholesalePrice(), p.imageUrls() == null ? java.util.List.of() : p.imageUrls(),
                p.active(), p.updatedAt());
        return put(PRODUCT, p.productId(), version, p.active(), null, json(view));
    }

    /** A deactivation keeps the last state known (marked inactive); a product never seen is recorded without one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean productDeactivated(ProductDeactivated p, long version) {
        return put(PRODUCT, p.productId(), version, false, null, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean category(CategoryUpserted c, long version) {
        FeedView.Category view = new FeedView.Category(c.categoryId(), c.parentId(), c.name(), c.nameAr(), c.sortOrder(), c.active(),
                c.updatedAt());
        return put(CATEGORY, c.categoryId(), version, c.active(), null, json(view));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean client(ClientUpserted c, long version) {
        FeedView.Client view = new FeedView.Client(c.clientId(), c.name(), c.nameAr(), c.clientType() == null ? null : c.clientType().name(),
                c.phone(), c.email(), c.address(), c.city(), c.region(), c.salespersonId(), c.creditLimit(), c.active(), c.updatedAt());
        return put(CLIENT, c.clientId(), version, c.active(), c.salespersonId(), json(view));
    }

    private record Held(long version, Long salespersonId) {
    }

    /**
     * Applies a newer state: a new sequence, the row replaced. {@code data} null keeps the state held (marked
     * inactive). A client that leaves its salesperson leaves a revocation for that salesperson's phones.
     */
    private boolean put(String kind, long id, long version, boolean active, Long salespersonId, String data) {
        Optional<Held> held = sql.one("select version, salesperson_id from feed_record where kind = :kind and record_id = :id for update",
                Params.of("kind", kind).and("id", id), r -> new Held(r.getLong("version"), r.getLongOrNull("salesperson_id")));
        if (held.isPresent() && held.get().version() >= version) {
            return false; // a repeat or an older state
        }
        long seq = sql.one("update feed_sequence set last_seq = last_seq + 1 returning last_seq", Params.none(), r -> r.getLong("last_seq"))
                .orElseThrow();
        int changed = sql.update("""
                insert into feed_record (kind, record_id, version, seq, active, salesperson_id, data, updated_at)
                values (:kind, :id, :version, :seq, :active, :sp, cast(:data as jsonb), now())
                on conflict (kind, record_id) do update set version = excluded.version, seq = excluded.seq, active = excluded.active,
                    salesperson_id = excluded.salesperson_id,
                    data = case when excluded.data is not null then excluded.data
                                when feed_record.data is null then null
                                else jsonb_set(feed_record.data, '{active}', to_jsonb(excluded.active)) end,
                    updated_at = now()
                where feed_record.version < excluded.version""",
                Params.of("kind", kind).and("id", id).and("version", version).and("seq", seq).and("active", active)
                        .and("sp", salespersonId).and("data", data));
        if (changed == 0) {
            return false;
        }
        if (CLIENT.equals(kind)) {
            Long before = held.map(Held::salespersonId).orElse(null);
            if (before != null && !Objects.equals(before, salespersonId)) {
                sql.update("""
                        insert into feed_revocation (kind, record_id, salesperson_id, version, seq) values (:kind, :id, :sp, :version, :seq)
                        on conflict (kind, record_id, salesperson_id) do update set version = excluded.version, seq = excluded.seq""",
                        Params.of("kind", kind).and("id", id).and("sp", before).and("version", version).and("seq", seq));
            }
            if (salespersonId != null) {
                sql.update("delete from feed_revocation where kind = :kind and record_id = :id and salesperson_id = :sp",
                        Params.of("kind", kind).and("id", id).and("sp", salespersonId));
            }
        }
        return true;
    }

    private static String json(Object view) {
        try {
            return JSON.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
