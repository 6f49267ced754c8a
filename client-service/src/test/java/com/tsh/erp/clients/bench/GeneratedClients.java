package com.tsh.erp.clients.bench;

import com.tsh.erp.clients.service.SearchTexts;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * The benchmark's clients and salespeople, written by SQL as the service would store them.
 * ClientBenchmark measures on them and the search plan checks (ClientSearchPlansTest,
 * ClientSearchPlanBenchmark) explain their searches over them.
 */
public final class GeneratedClients {

    public static final String[][] NAMES = {
            {"Al-Noor Electronics", "النور للإلكترونيات"}, {"Baghdad Mobile", "بغداد موبايل"}, {"Al-Amal Trading", "الأمل للتجارة"},
            {"Dijla Phones", "دجلة للهواتف"}, {"Al-Rafidain Store", "متجر الرافدين"}, {"Babylon Tech", "بابل تك"},
            {"Al-Zahraa Accessories", "الزهراء للإكسسوارات"}, {"Karbala Digital", "كربلاء ديجيتال"}};
    public static final String[] CITIES = {"Baghdad", "Basra", "Mosul", "Erbil", "Najaf", "Karbala", "Kirkuk", "Hilla"};

    private GeneratedClients() {
    }

    /** The ids of the clients, their phones written the local way (07...), and the client with 2,000 ledger rows. */
    public record Seeded(List<Long> clientIds, List<String> phones, long bigClient) {
    }

    /**
     * Inserts {@code salespeople} salespeople and {@code clients} clients (client {@code i}: name
     * {@code NAMES[i % 8] + " " + i}, phone 0770 followed by {@code i} in 7 digits, email
     * client{@code i}@example.com) and 2,000 ledger rows for the second client, then does what
     * autovacuum does after a bulk load.
     */
    public static Seeded seed(DataSource dataSource, int salespeopleCount, int clientsCount) throws Exception {
        List<Long> salespeople = new ArrayList<>();
        List<Long> clients = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into salesperson (name, name_ar, phone, kind, region, commission_rate, search_text)
                    values (?, ?, ?, ?, ?, 2.5, ?) returning id""")) {
                for (int i = 0; i < salespeopleCount; i++) {
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
                for (int i = 0; i < clientsCount; i++) {
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

}
