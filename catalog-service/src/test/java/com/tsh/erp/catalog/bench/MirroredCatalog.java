package com.tsh.erp.catalog.bench;

import com.tsh.erp.bench.LocalDatabase;
import com.tsh.erp.bench.LoaderOptions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The catalog of the 10x data set (deploy/local/data-10x.sh): the 20,000 products order-service's generated history
 * was sold from (its {@code product_view}, written by order-service's GeneratedOrders), written into catalog-service's
 * tables with the same ids, SKUs, names and prices, so an order placed on the loaded system reserves stock of the
 * product it names. Ids are order-service's generated ones (from 1,000,001), far above what the catalog's own
 * sequence hands out; a second load replaces the generated rows and leaves every other row alone.
 *
 * <p>300 categories (30 departments of 9 sections), product {@code i} in category {@code i % 300}; stock through the
 * ledger as the service would book it: 5,000 on hand, except every 50th product with none and every 20th with 3, under
 * its reorder level of 10 (the low-stock figures have something to show); inactive where order-service's copy is.
 */
public final class MirroredCatalog {

    static final long FIRST_ID = 1_000_001;
    static final int CATEGORIES = 300;

    private MirroredCatalog() {
    }

    /** Copies the products of {@code orders} (order-service's database) into {@code catalog}. Returns how many. */
    public static int load(Connection orders, Connection catalog) throws SQLException {
        catalog.setAutoCommit(false);
        try (Statement st = catalog.createStatement()) {
            st.execute("delete from stock_reservation where product_id >= " + FIRST_ID);
            st.execute("delete from stock_ledger where product_id >= " + FIRST_ID);
            st.execute("delete from product where id >= " + FIRST_ID);
            st.execute("delete from category where id >= " + FIRST_ID);
        }
        try (PreparedStatement ps = catalog.prepareStatement(
                "insert into category (id, parent_id, name, name_ar, sort_order) values (?, ?, ?, ?, ?)")) {
            for (int k = 0; k < CATEGORIES; k++) {
                int department = k / 10;
                boolean root = k % 10 == 0;
                ps.setLong(1, FIRST_ID + k);
                if (root) {
                    ps.setNull(2, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(2, FIRST_ID + department * 10L);
                }
                ps.setString(3, root ? "Department " + department : "Section " + department + "." + k % 10);
                ps.setString(4, root ? "قسم " + department : "فرع " + department + "." + k % 10);
                ps.setInt(5, k % 10);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        int n = 0;
        try (Statement read = orders.createStatement();
             ResultSet rs = read.executeQuery("select id, sku, name, name_ar, retail_price, wholesale_price, active from product_view "
                     + "where id >= " + FIRST_ID + " order by id");
             PreparedStatement ps = catalog.prepareStatement("""
                     insert into product (id, sku, name, name_ar, description, category_id, unit, retail_price, wholesale_price,
                                          cost_price, reorder_level, active, image_urls, search_text)
                     values (?, ?, ?, ?, ?, ?, 'piece', ?, ?, ?, 10, ?, ?, ?)""")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                String sku = rs.getString(2);
                String name = rs.getString(3);
                String nameAr = rs.getString(4);
                BigDecimal wholesale = rs.getBigDecimal(6);
                ps.setLong(1, id);
                ps.setString(2, sku);
                ps.setString(3, name);
                ps.setString(4, nameAr);
                ps.setString(5, "Description of " + name);
                ps.setLong(6, FIRST_ID + (id - FIRST_ID) % CATEGORIES);
                ps.setBigDecimal(7, rs.getBigDecimal(5));
                ps.setBigDecimal(8, wholesale);
                ps.setBigDecimal(9, wholesale.multiply(new BigDecimal("0.80")).setScale(2, RoundingMode.HALF_UP));
                ps.setBoolean(10, rs.getBoolean(7));
                ps.setArray(11, catalog.createArrayOf("text", new String[] {"https://cdn.example/" + sku + ".jpg"}));
                ps.setString(12, GeneratedCatalog.searchText(sku, name, nameAr));
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        try (Statement st = catalog.createStatement()) {
            // stock through the ledger, as the service would have it
            st.execute("with s as (update product set stock_on_hand = case when id % 50 = 0 then 0 when id % 20 = 0 then 3 else 5000 end "
                    + "where id >= " + FIRST_ID + " returning id, stock_on_hand) "
                    + "insert into stock_ledger (product_id, reason, on_hand_delta, reserved_delta, on_hand_after, reserved_after, note, actor) "
                    + "select id, 'IMPORT', stock_on_hand, 0, stock_on_hand, 0, '10x data', 'system:data-10x' from s where stock_on_hand > 0");
        }
        catalog.commit();
        catalog.setAutoCommit(true);
        try (Statement st = catalog.createStatement()) {
            st.execute("vacuum analyze category, product, stock_ledger, search_word");
        }
        return n;
    }

    /** deploy/local/data-10x.sh: {@code [--from ORDERS_DB] [--database CATALOG_DB]}. */
    public static void main(String[] args) throws Exception {
        LoaderOptions o = LoaderOptions.parse("MirroredCatalog", args, Map.of("from", "tsh_orders", "database", "tsh_catalog"));
        try (Connection from = LocalDatabase.named(o.get("from")).getConnection();
             Connection c = LocalDatabase.named(o.get("database")).getConnection()) {
            System.out.println(o.get("database") + ": " + load(from, c) + " products and " + CATEGORIES + " categories from " + o.get("from"));
        }
    }
}
