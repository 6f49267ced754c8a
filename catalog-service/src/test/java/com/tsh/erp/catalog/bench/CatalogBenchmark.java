package com.tsh.erp.catalog.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tsh.erp.events.OrderMother;
import com.tsh.erp.catalog.CatalogTestStack;
import com.tsh.erp.testing.Db;
import com.tsh.erp.catalog.service.StockReservations;
import com.tsh.erp.bench.BenchmarkReport;
import com.tsh.erp.events.orders.OrderPlaced;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import com.tsh.erp.bench.BenchmarkProfile;
import com.tsh.erp.bench.WrkLoad;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Read endpoints at 50 concurrent clients over 20,000 products in 300 categories, and reservation
 * throughput. Load from wrk; the service, the database, the broker and wrk share the 2 cores.
 * Run it with the command in BENCHMARKS.md.
 */
@QuarkusTest
@CatalogTestStack
@TestProfile(BenchmarkProfile.class)
class CatalogBenchmark {

    static final String COMMAND = "./mvnw -B verify -pl catalog-service -Dtest=CatalogBenchmark -Dsurefire.failIfNoSpecifiedTests=false";
    static final int PRODUCTS = 20_000;
    static final int CLIENTS = 50;
    static final Duration RUN = Duration.ofSeconds(10);
    static final Duration THINK = Duration.ofMillis(100);

    @Inject
    DataSource dataSource;
    @Inject
    StockReservations reservations;
    @TestHTTPResource("/")
    URL base;

    @Test
    void measure() throws Exception {
        long[] ids = GeneratedCatalog.seed(dataSource, PRODUCTS, 1000);
        // 400 distinct queries in each script: whole and partial words, word pairs, numbers, SKU prefixes
        List<String> arabicTerms = new ArrayList<>();
        List<String> latinTerms = new ArrayList<>();
        for (String[] noun : GeneratedCatalog.NOUNS) {
            for (String[] adj : GeneratedCatalog.ADJECTIVES) {
                arabicTerms.add(noun[1] + " " + adj[1]);
                latinTerms.add(noun[0].toLowerCase() + " " + adj[0]);
            }
            arabicTerms.add(noun[1].substring(0, Math.min(4, noun[1].length())));
            latinTerms.add(noun[0].substring(0, Math.min(5, noun[0].length())).toUpperCase());
        }
        for (int i = 0; i < 180; i++) {
            arabicTerms.add("رقم " + (i * 97 % 20000));
            latinTerms.add("bench-" + String.format("%03d", i));
        }
        String[] arabic = arabicTerms.toArray(String[]::new);
        String[] latin = latinTerms.toArray(String[]::new);

        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        List<String> lists = new ArrayList<>();
        List<String> details = new ArrayList<>();
        List<String> arabicSearch = new ArrayList<>();
        List<String> latinSearch = new ArrayList<>();
        List<String> batches = new ArrayList<>();
        List<String> exactSku = new ArrayList<>();
        List<String> anyOrder = new ArrayList<>();
        List<String> withArticle = new ArrayList<>();
        List<String> typos = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            // issue 9's kinds of query, each pinned to one product by its number, so most are not repeated
            int p = rnd.nextInt(PRODUCTS);
            String[] noun = GeneratedCatalog.NOUNS[p % GeneratedCatalog.NOUNS.length];
            String[] adj = GeneratedCatalog.ADJECTIVES[(p / GeneratedCatalog.NOUNS.length) % GeneratedCatalog.ADJECTIVES.length];
            String[] words = noun[0].toLowerCase().split(" ");
            exactSku.add("/products?per_page=25&q=" + enc(GeneratedCatalog.sku(p)));
            anyOrder.add("/products?per_page=25&q=" + enc(p + " " + adj[0] + " " + words[words.length - 1] + " " + words[0]));
            withArticle.add("/products?per_page=25&q=" + enc("ال" + noun[1].split(" ")[0] + " " + p));
            typos.add("/products?per_page=25&q=" + enc(typo(longest(words)) + " " + p));
            lists.add("/products?per_page=100&page=" + (1 + rnd.nextInt(10)));
            details.add("/products/" + ids[rnd.nextInt(ids.length)]);
            arabicSearch.add("/products?per_page=25&q=" + enc(arabic[rnd.nextInt(arabic.length)]));
            latinSearch.add("/products?per_page=25&q=" + enc(latin[rnd.nextInt(latin.length)]));
            StringBuilder b = new StringBuilder("/products?ids=");
            for (int k = 0; k < 50; k++) {
                b.append(k == 0 ? "" : ",").append(ids[rnd.nextInt(ids.length)]);
            }
            batches.add(b.toString());
        }
        List<String> warm = new ArrayList<>(details);
        warm.addAll(arabicSearch);
        warm.addAll(lists);
        warm.addAll(typos.subList(0, 200));
        warm.addAll(withArticle.subList(0, 200));
        load(warm, Duration.ofSeconds(5));

        List<String> rows = new ArrayList<>();
        rows.add(run("list, page of 100 (sorted by name, pages 1-10)", lists));
        rows.add(run("detail by id", details));
        rows.add(run("search, Arabic (variant spellings)", arabicSearch));
        rows.add(run("search, Latin and SKU prefix", latinSearch));
        rows.add(run("search, exact SKU (2,000 distinct)", exactSku));
        rows.add(run("search, several words in any order (\"41 white charger fast\", 2,000 distinct)", anyOrder));
        rows.add(run("search, Arabic with the article (\"الشاحن 41\", 2,000 distinct)", withArticle));
        rows.add(run("search, one letter wrong (typo step: \"chrager 41\", 2,000 distinct)", typos));
        rows.add(run("batch of 50 ids", batches));
        String reservationsRow = reservationThroughput(ids);

        String body = """
                %,d products in 300 categories; %d concurrent connections from wrk for %d s per endpoint after a
                warm-up, first each waiting 100 ms after an answer before its next request (50 busy app users,
                up to 500 requests/s), then never waiting (the most the machine serves; latency is then mostly
                queueing). The service, PostgreSQL and wrk share the 2 cores. Latency as wrk measures it.

                | endpoint | requests | req/s | p50 | p95 | p99 | max |
                |---|---|---|---|---|---|---|
                %s

                Target: p95 under 20 ms for each. Search pages come from the Redis page cache (30 s,
                invalidated by any product or category change; stock figures always read live) once a
                query has been asked; the first two searches draw from %,d distinct Arabic and %,d Latin
                queries, the four kinds of issue 9 from 2,000 each (a query pinned to one product by its
                number, so that most are asked for the first time).

                Reservations (StockReservations.reserve, each order one transaction, 16 threads, 1-3 lines over
                200 products, all stock figures and the ledger checked afterwards): %s
                """.formatted(PRODUCTS, CLIENTS, RUN.toSeconds(), String.join("\n", rows), arabic.length, latin.length,
                reservationsRow);
        System.out.println(body);
        BenchmarkReport.write("catalog", "catalog-service: reads at 50 concurrent clients, reservations", COMMAND, body);
    }

    private WrkLoad.Result load(List<String> paths, Duration duration) throws Exception {
        WrkLoad.Result r = WrkLoad.run(base.toString().replaceAll("/$", ""), paths, CLIENTS, duration);
        assertEquals(0, r.errors(), "every request answered 200");
        return r;
    }

    /** Two rows: 50 clients that each wait 100 ms after an answer (an app's users, busy), then 50 that never wait (saturation). */
    private String run(String name, List<String> paths) throws Exception {
        WrkLoad.Result paced = WrkLoad.run(base.toString().replaceAll("/$", ""), paths, CLIENTS, RUN, THINK);
        assertEquals(0, paced.errors(), "every request answered 200");
        return paced.row(name + ", 100 ms think time") + "\n" + load(paths, RUN).row(name + ", no think time (saturation)");
    }

    private String reservationThroughput(long[] ids) throws Exception {
        int orders = 3000;
        List<OrderPlaced> work = new ArrayList<>();
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int i = 0; i < orders; i++) {
            int lines = 1 + rnd.nextInt(3);
            long[] products = new long[lines];
            for (int l = 0; l < lines; l++) {
                products[l] = ids[rnd.nextInt(200)];
            }
            work.add(OrderMother.ofProducts(products));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicLong reserved = new AtomicLong();
        long t0 = System.nanoTime();
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (OrderPlaced o : work) {
            futures.add(pool.submit(() -> {
                if (QuarkusTransaction.requiringNew().call(() -> reservations.reserve(o, 1))) {
                    reserved.incrementAndGet();
                }
            }));
        }
        for (var f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        Db db = new Db(dataSource);
        long bad = db.count("""
                select count(*) from product p where p.available < 0
                  or p.stock_on_hand <> (select coalesce(sum(on_hand_delta), 0) from stock_ledger l where l.product_id = p.id)
                  or p.reserved <> (select coalesce(sum(reserved_delta), 0) from stock_ledger l where l.product_id = p.id)""");
        assertEquals(0, bad, "no oversell, ledger consistent");
        return String.format("**%,.0f orders/s** (%,d orders in %.1f s, %,d reserved, %,d rejected for want of stock; "
                + "0 products oversold or off their ledger)", orders / seconds, orders, seconds, reserved.get(), orders - reserved.get());
    }

    private static String longest(String[] words) {
        String w = words[0];
        for (String x : words) {
            w = x.length() > w.length() ? x : w;
        }
        return w;
    }

    /** The word with its two middle letters swapped. */
    private static String typo(String word) {
        int m = word.length() / 2;
        return word.substring(0, m - 1) + word.charAt(m) + word.charAt(m - 1) + word.substring(m + 1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
