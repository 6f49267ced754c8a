package com.tsh.erp.clients.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tsh.erp.clients.ClientsTestStack;
import com.tsh.erp.clients.service.SearchTexts;
import com.tsh.erp.bench.BenchmarkProfile;
import com.tsh.erp.bench.BenchmarkReport;
import com.tsh.erp.bench.WrkLoad;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
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

    private static final String[][] NAMES = {
            {"Al-Noor Electronics", "النور للإلكترونيات"}, {"Baghdad Mobile", "بغداد موبايل"}, {"Al-Amal Trading", "الأمل للتجارة"},
            {"Dijla Phones", "دجلة للهواتف"}, {"Al-Rafidain Store", "متجر الرافدين"}, {"Babylon Tech", "بابل تك"},
            {"Al-Zahraa Accessories", "الزهراء للإكسسوارات"}, {"Karbala Digital", "كربلاء ديجيتال"}};
    private static final String[] CITIES = {"Baghdad", "Basra", "Mosul", "Erbil", "Najaf", "Karbala", "Kirkuk", "Hilla"};

    @Inject
    DataSource dataSource;
    @TestHTTPResource("/")
    URL base;

    @Test
    void measure() throws Exception {
        Seeded seeded = seed();
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        String[] arabic = {"النور", "الالكترونيات", "بغداد موبايل", "دجله", "الزهراء", "متجر"};
        String[] latin = {"noor", "mobile", "TRADING", "phones", "babylon", "digital"};
        List<String> lists = new ArrayList<>();
        List<String> searches = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        List<String> details = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            lists.add("/clients?per_page=50&page=" + (1 + rnd.nextInt(10)) + (rnd.nextBoolean() ? "&city=" + CITIES[rnd.nextInt(CITIES.length)] : ""));
            searches.add("/clients?per_page=25&q=" + enc(rnd.nextBoolean() ? arabic[rnd.nextInt(arabic.length)] : latin[rnd.nextInt(latin.length)]));
            String local = seeded.phones.get(rnd.nextInt(seeded.phones.size()));
            phones.add("/clients?per_page=25&q=" + enc(rnd.nextBoolean() ? local : "+964 " + local.substring(1, 4) + " " + local.substring(4)));
            details.add("/clients/" + seeded.clientIds.get(rnd.nextInt(seeded.clientIds.size())));
            statements.add("/clients/" + seeded.bigClient + "/statement?per_page=50&page=" + (1 + rnd.nextInt(40)));
        }
        List<String> warm = new ArrayList<>(details); // every kind of request, so none is measured while still compiling
        warm.addAll(lists);
        warm.addAll(searches);
        warm.addAll(phones);
        warm.addAll(statements);
        load(warm, Duration.ofSeconds(8));
        List<String> rows = List.of(
                run("list, 50 a page (pages 1-10, half filtered by city)", lists),
                run("search by name, Arabic or Latin", searches),
                run("search by phone, local or international form", phones),
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

    private record Seeded(List<Long> clientIds, List<String> phones, long bigClient) {
    }

    private Seeded seed() throws Exception {
        List<Long> salespeople = new ArrayList<>();
        List<Long> clients = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into salesperson (name, name_ar, phone, kind, region, commission_rate, search_text)
                    values (?, ?, ?, ?, ?, 2.5, ?) returning id""")) {
                for (int i = 0; i < SALESPEOPLE; i++) {
                    String phone = "+96478" + String.format("%08d", i);
                    ps.setString(1, "Salesperson " + i);
                    ps.setString(2, "مندوب " + i);
                    ps.setString(3, phone);
                    ps.setString(4, i % 3 == 0 ? "INTERNAL" : i % 3 == 1 ? "PARTNER_SALESMAN" : "TRAVEL");
                    ps.setString(5, "Region " + (i % 10));
                    ps.setString(6, SearchTexts.of("Salesperson " + i, "مندوب " + i, phone, null));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        salespeople.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into client (name, name_ar, client_type, phone, email, city, region, salesperson_id, credit_limit, search_text)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
                for (int i = 0; i < CLIENTS; i++) {
                    String[] n = NAMES[i % NAMES.length];
                    String name = n[0] + " " + i;
                    String nameAr = n[1] + " " + i;
                    String local = "0770" + String.format("%07d", i);
                    String phone = "+964" + local.substring(1);
                    String email = "client" + i + "@example.com";
                    ps.setString(1, name);
                    ps.setString(2, nameAr);
                    ps.setString(3, i % 5 == 0 ? "RETAIL" : "WHOLESALE");
                    ps.setString(4, phone);
                    ps.setString(5, email);
                    ps.setString(6, CITIES[i % CITIES.length]);
                    ps.setString(7, "Region " + (i % 10));
                    ps.setLong(8, salespeople.get(rnd.nextInt(salespeople.size())));
                    ps.setBigDecimal(9, i % 5 == 0 ? BigDecimal.ZERO : new BigDecimal("50000000.00"));
                    ps.setString(10, SearchTexts.of(name, nameAr, phone, email));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        clients.add(rs.getLong(1));
                    }
                    phones.add(local);
                }
            }
            long big = clients.get(1);
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into client_ledger (client_id, kind, amount, balance_after, order_id, reference, actor, created_at)
                    values (?, ?, ?, ?, ?, ?, 'system:benchmark', now() - (? * interval '1 hour'))""")) {
                BigDecimal balance = BigDecimal.ZERO.setScale(2);
                for (int i = 0; i < 2000; i++) {
                    boolean payment = i % 3 == 2;
                    BigDecimal amount = payment ? new BigDecimal("-40000.00") : new BigDecimal("25000.00");
                    balance = balance.add(amount);
                    ps.setLong(1, big);
                    ps.setString(2, payment ? "PAYMENT" : "ORDER_DELIVERED");
                    ps.setBigDecimal(3, amount);
                    ps.setBigDecimal(4, balance);
                    ps.setString(5, payment ? null : "bench-order-" + i);
                    ps.setString(6, payment ? "bench-receipt-" + i : null);
                    ps.setInt(7, 2000 - i);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (PreparedStatement upd = c.prepareStatement("update client set balance = ? where id = ?")) {
                    upd.setBigDecimal(1, balance);
                    upd.setLong(2, big);
                    upd.executeUpdate();
                }
            }
            c.commit();
            try (Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                // what autovacuum does after a bulk load: statistics and the visibility map
                st.execute("vacuum analyze client");
                st.execute("vacuum analyze salesperson");
                st.execute("vacuum analyze client_ledger");
            }
            return new Seeded(clients, phones, big);
        }
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
