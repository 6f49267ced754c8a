package com.tsh.erp.clients.bench;

import com.tsh.erp.bench.LocalDatabase;
import com.tsh.erp.bench.LoaderOptions;
import com.tsh.erp.clients.service.SearchTexts;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The clients and salespeople of the 10x data set (deploy/local/data-10x.sh): the 1,000 salespeople and 5,000 clients
 * of order-service's generated history (its {@code salesperson_view} and {@code client_view}, written by order-service's
 * GeneratedOrders), written into client-service's tables with the same ids, names, types, owners and active states, so
 * a salesperson signed in on the loaded system sees in client-service the clients order-service lets them order for.
 * Ids from 1,000,001, far above what the service's own sequences hand out; a second load replaces the generated rows
 * and leaves every other row alone.
 *
 * <p>Client {@code i}: phone 0770 and {@code i} in 7 digits, {@code client<i>@example.com}, one of eight cities; a
 * wholesale client's credit limit 50,000,000 IQD, a retail one's none (retail pays on delivery). Balances start at
 * zero: the generated history's deliveries are not booked in the client ledger.
 */
public final class MirroredClients {

    static final long FIRST_ID = 1_000_001;

    private MirroredClients() {
    }

    /** Copies the salespeople and clients of {@code orders} (order-service's database) into {@code clients}. */
    public static String load(Connection orders, Connection clients) throws SQLException {
        clients.setAutoCommit(false);
        try (Statement st = clients.createStatement()) {
            st.execute("delete from credit_reservation where client_id >= " + FIRST_ID);
            st.execute("delete from client_ledger where client_id >= " + FIRST_ID);
            st.execute("delete from client where id >= " + FIRST_ID);
            st.execute("delete from salesperson where id >= " + FIRST_ID);
        }
        int salespeople = 0;
        try (Statement read = orders.createStatement();
             ResultSet rs = read.executeQuery("select id, name, name_ar, kind, commission_rate, active from salesperson_view "
                     + "where id >= " + FIRST_ID + " order by id");
             PreparedStatement ps = clients.prepareStatement("""
                     insert into salesperson (id, name, name_ar, phone, kind, region, commission_rate, active, search_text)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            while (rs.next()) {
                long i = rs.getLong(1) - FIRST_ID;
                String phone = "+96478" + String.format("%08d", i);
                ps.setLong(1, rs.getLong(1));
                ps.setString(2, rs.getString(2));
                ps.setString(3, rs.getString(3));
                ps.setString(4, phone);
                ps.setString(5, rs.getString(4));
                ps.setString(6, "Region " + i % 10);
                ps.setBigDecimal(7, rs.getBigDecimal(5));
                ps.setBoolean(8, rs.getBoolean(6));
                ps.setString(9, SearchTexts.of(rs.getString(2), rs.getString(3), phone, null));
                ps.addBatch();
                salespeople++;
            }
            ps.executeBatch();
        }
        int n = 0;
        try (Statement read = orders.createStatement();
             ResultSet rs = read.executeQuery("select id, client_type, name, name_ar, salesperson_id, active from client_view "
                     + "where id >= " + FIRST_ID + " order by id");
             PreparedStatement ps = clients.prepareStatement("""
                     insert into client (id, name, name_ar, client_type, phone, email, city, region, salesperson_id, credit_limit,
                                         active, search_text)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            while (rs.next()) {
                long i = rs.getLong(1) - FIRST_ID;
                String name = rs.getString(3);
                String nameAr = rs.getString(4);
                String phone = "+964770" + String.format("%07d", i);
                String email = "client" + i + "@example.com";
                boolean retail = "RETAIL".equals(rs.getString(2));
                ps.setLong(1, rs.getLong(1));
                ps.setString(2, name);
                ps.setString(3, nameAr);
                ps.setString(4, rs.getString(2));
                ps.setString(5, phone);
                ps.setString(6, email);
                ps.setString(7, GeneratedClients.CITIES[(int) (i % GeneratedClients.CITIES.length)]);
                ps.setString(8, "Region " + i % 10);
                ps.setObject(9, rs.getObject(5));
                ps.setBigDecimal(10, retail ? BigDecimal.ZERO : new BigDecimal("50000000.00"));
                ps.setBoolean(11, rs.getBoolean(6));
                ps.setString(12, SearchTexts.of(name, nameAr, phone, email));
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        clients.commit();
        clients.setAutoCommit(true);
        try (Statement st = clients.createStatement()) {
            st.execute("vacuum analyze salesperson, client, search_word");
        }
        return salespeople + " salespeople and " + n + " clients";
    }

    /** deploy/local/data-10x.sh: {@code [--from ORDERS_DB] [--database CLIENTS_DB]}. */
    public static void main(String[] args) throws Exception {
        LoaderOptions o = LoaderOptions.parse("MirroredClients", args, Map.of("from", "tsh_orders", "database", "tsh_clients"));
        try (Connection from = LocalDatabase.named(o.get("from")).getConnection();
             Connection c = LocalDatabase.named(o.get("database")).getConnection()) {
            System.out.println(o.get("database") + ": " + load(from, c) + " from " + o.get("from"));
        }
    }
}
