package com.tsh.erp.clients.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tsh.erp.clients.ClientsTestStack;
import com.tsh.erp.bench.BenchmarkProfile;
import com.tsh.erp.bench.BenchmarkReport;
import com.tsh.erp.bench.WrkLoad;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * client-service reads at 50 concurrent connections over 5,000 clients and 1,000 salespeople,
 * including the statement of a client with 2,000 ledger rows. Run it with the command in BENCHMARKS.md.
 */
@QuarkusTest
@ClientsTestStack
@TestProfile(BenchmarkProfile.class)
class ClientBenchmark {

    static final String COMMAND = "./mvnw -B verify -pl client-service -Dtest=ClientBenchmark -Dsurefire.failIfNoSpecifiedTests=false";
    static final int CLIENTS = 5_000;
    static final int SALESPEOPLE = 1_000;
    static final int CONNECTIONS = 50;
    static final Duration RUN = Duration.ofSeconds(10);
    static final Duration THINK = Duration.ofMillis(100);

    /** The generated names' words with the article or an attached prefix, as typed, in GeneratedClients.NAMES order. */
    private static final String[] ARTICLE = {"والنور", "ببغداد", "الامل", "بدجلة", "بالرافدين", "وبابل", "والزهراء", "بكربلاء"};
    /** One letter wrong, missing, extra or swapped in a word of each generated name. */
    private static final String[] TYPOS = {"electronis", "mobiel", "tradnig", "dijlla", "rafidian", "babylin", "acessories", "digtal"};

    @Inject
    DataSource dataSource;
    @TestHTTPResource("/")
    URL base;

    @Test
    void measure() throws Exception {
        GeneratedClients.Seeded seeded = GeneratedClients.seed(dataSource, SALESPEOPLE, CLIENTS);
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        String[] arabic = {"النور", "الالكترونيات", "بغداد موبايل", "دجله", "الزهراء", "متجر"};
        String[] latin = {"noor", "mobile", "TRADING", "phones", "babylon", "digital"};
        List<String> lists = new ArrayList<>();
        List<String> searches = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        List<String> details = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        List<String> anyOrder = new ArrayList<>();
        List<String> withArticle = new ArrayList<>();
        List<String> typos = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            // issue 9's kinds of query, each pinned to one client by its number, so most are not repeated
            int c = rnd.nextInt(CLIENTS);
            String[] name = GeneratedClients.NAMES[c % GeneratedClients.NAMES.length];
            String[] en = name[0].toLowerCase().split("[ -]");
            anyOrder.add("/clients?per_page=25&q=" + enc(c + " " + en[en.length - 1] + " " + en[en.length - 2]));
            withArticle.add("/clients?per_page=25&q=" + enc(ARTICLE[c % ARTICLE.length] + " " + c));
            typos.add("/clients?per_page=25&q=" + enc(TYPOS[c % TYPOS.length] + " " + c));
            lists.add("/clients?per_page=50&page=" + (1 + rnd.nextInt(10)) + (rnd.nextBoolean() ? "&city=" + GeneratedClients.CITIES[rnd.nextInt(GeneratedClients.CITIES.length)] : ""));
            searches.add("/clients?per_page=25&q=" + enc(rnd.nextBoolean() ? arabic[rnd.nextInt(arabic.length)] : latin[rnd.nextInt(latin.length)]));
            String local = seeded.phones().get(rnd.nextInt(seeded.phones().size()));
            phones.add("/clients?per_page=25&q=" + enc(rnd.nextBoolean() ? local : "+964 " + local.substring(1, 4) + " " + local.substring(4)));
            details.add("/clients/" + seeded.clientIds().get(rnd.nextInt(seeded.clientIds().size())));
            statements.add("/clients/" + seeded.bigClient() + "/statement?per_page=50&page=" + (1 + rnd.nextInt(40)));
        }
        List<String> warm = new ArrayList<>(details); // every kind of request, so none is measured while still compiling
        warm.addAll(lists);
        warm.addAll(searches);
        warm.addAll(phones);
        warm.addAll(statements);
        warm.addAll(anyOrder);
        warm.addAll(withArticle);
        warm.addAll(typos);
        load(warm, Duration.ofSeconds(8));
        List<String> rows = List.of(
                run("list, 50 a page (pages 1-10, half filtered by city)", lists),
                run("search by name, Arabic or Latin", searches),
                run("search by phone, local or international form", phones),
                run("search, several words in any order (\"17 electronics noor\")", anyOrder),
                run("search, Arabic with the article or a prefix (\"والنور 17\")", withArticle),
                run("search, one letter wrong in a word (typo step: \"electronis 17\")", typos),
                run("detail (with live balance and credit)", details),
                run("statement of a client with 2,000 ledger rows, 50 a page", statements));
        String body = """
                %,d clients, %,d salespeople; %d concurrent connections from wrk for %d s per endpoint after a
                warm-up, first each waiting 100 ms after an answer before its next request (50 busy app users,
                up to 500 requests/s), then never waiting (the most the machine serves; latency is then mostly
                queueing). The service, PostgreSQL and wrk share the 2 cores. Latency as wrk measures it.

                | endpoint | requests | req/s | p50 | p95 | p99 | max |
                |---|---|---|---|---|---|---|
                %s

                Target: p95 under 20 ms.
                """.formatted(CLIENTS, SALESPEOPLE, CONNECTIONS, RUN.toSeconds(), String.join("\n", rows));
        System.out.println(body);
        BenchmarkReport.write("clients", "client-service: reads at 50 concurrent clients", COMMAND, body);
    }

    private WrkLoad.Result load(List<String> paths, Duration duration) throws Exception {
        WrkLoad.Result r = WrkLoad.run(base.toString().replaceAll("/$", ""), paths, CONNECTIONS, duration);
        assertEquals(0, r.errors(), "every request answered 200");
        return r;
    }

    /** Two rows: 50 clients that each wait 100 ms after an answer (an app's users, busy), then 50 that never wait (saturation). */
    private String run(String name, List<String> paths) throws Exception {
        WrkLoad.Result paced = WrkLoad.run(base.toString().replaceAll("/$", ""), paths, CONNECTIONS, RUN, THINK);
        assertEquals(0, paced.errors(), "every request answered 200");
        return paced.row(name + ", 100 ms think time") + "\n" + load(paths, RUN).row(name + ", no think time (saturation)");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
