package com.tsh.erp.catalog.bench;

import com.tsh.erp.catalog.domain.Product;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * The benchmark's catalog: 300 categories and {@code n} products, product {@code i} being noun
 * {@code i % 20} with adjective {@code (i / 20) % 10}, numbered {@code #i} ("Fast charger white #41",
 * "شاحن سريع أبيض رقم 41", SKU {@code BENCH-00041}). CatalogBenchmark measures on it and the search
 * evaluation (SearchEvaluationTest) labels its queries against it.
 */
public final class GeneratedCatalog {

    static final String[][] NOUNS = {
            {"USB-C cable", "كابل يو إس بي سي"}, {"Fast charger", "شاحن سريع"}, {"LED screen", "شاشة إل إي دي"},
            {"Phone case", "غطاء هاتف"}, {"Power bank", "بطارية متنقلة"}, {"Headphones", "سماعات رأس"},
            {"Bluetooth speaker", "مكبر صوت بلوتوث"}, {"Memory card", "بطاقة ذاكرة"}, {"Car holder", "حامل سيارة"},
            {"Screen protector", "واقي شاشة"}, {"Wireless mouse", "فأرة لاسلكية"}, {"Keyboard", "لوحة مفاتيح"},
            {"Smart watch", "ساعة ذكية"}, {"Laptop bag", "حقيبة حاسوب"}, {"HDMI cable", "كابل إتش دي إم آي"},
            {"Wall adapter", "محول جداري"}, {"Earbuds", "سماعات أذن"}, {"Ring light", "إضاءة دائرية"},
            {"Tripod", "حامل ثلاثي"}, {"Extension cord", "وصلة كهرباء"}};
    static final String[][] ADJECTIVES = {
            {"original", "أصلي"}, {"black", "أسود"}, {"white", "أبيض"}, {"premium", "ممتاز"}, {"compact", "صغير"},
            {"heavy duty", "متين"}, {"2 m", "٢ متر"}, {"20 W", "٢٠ واط"}, {"blue", "أزرق"}, {"gold", "ذهبي"}};

    private GeneratedCatalog() {
    }

    public static String sku(int i) {
        return "BENCH-" + String.format("%05d", i);
    }

    public static String name(int i) {
        return NOUNS[i % NOUNS.length][0] + " " + ADJECTIVES[(i / NOUNS.length) % ADJECTIVES.length][0] + " #" + i;
    }

    public static String nameAr(int i) {
        return NOUNS[i % NOUNS.length][1] + " " + ADJECTIVES[(i / NOUNS.length) % ADJECTIVES.length][1] + " رقم " + i;
    }

    /** What the service stores for search (Product.refreshSearchText), for rows written by SQL. */
    public static String searchText(String sku, String name, String nameAr) {
        return Product.searchText(sku, name, nameAr);
    }

    /**
     * Inserts 300 categories (30 roots of 9 sections) and {@code products} products with the given
     * stock on hand (booked through the ledger, as the service would), then does what autovacuum
     * does after a bulk load. Returns the products' ids in SKU order.
     */
    public static long[] seed(DataSource dataSource, int products, int stockOnHand) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<Long> categories = new ArrayList<>();
            try (PreparedStatement root = c.prepareStatement(
                    "insert into category (name, name_ar, sort_order) values (?, ?, ?) returning id");
                 PreparedStatement child = c.prepareStatement(
                         "insert into category (parent_id, name, name_ar, sort_order) values (?, ?, ?, ?) returning id")) {
                for (int r = 0; r < 30; r++) {
                    root.setString(1, "Department " + r);
                    root.setString(2, "قسم " + r);
                    root.setInt(3, r);
                    var rs = root.executeQuery();
                    rs.next();
                    long rootId = rs.getLong(1);
                    categories.add(rootId);
                    for (int k = 0; k < 9; k++) {
                        child.setLong(1, rootId);
                        child.setString(2, "Section " + r + "." + k);
                        child.setString(3, "فرع " + r + "." + k);
                        child.setInt(4, k);
                        var crs = child.executeQuery();
                        crs.next();
                        categories.add(crs.getLong(1));
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("""
                    insert into product (sku, name, name_ar, description, category_id, unit, retail_price, wholesale_price,
                                         cost_price, stock_on_hand, reorder_level, image_urls, search_text)
                    values (?, ?, ?, ?, ?, 'piece', ?, ?, ?, ?, 5, ?, ?)""")) {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                for (int i = 0; i < products; i++) {
                    String sku = sku(i);
                    String name = name(i);
                    String nameAr = nameAr(i);
                    p.setString(1, sku);
                    p.setString(2, name);
                    p.setString(3, nameAr);
                    p.setString(4, "Description of " + name);
                    p.setLong(5, categories.get(i % categories.size()));
                    p.setBigDecimal(6, BigDecimal.valueOf(1000 + rnd.nextInt(500_000), 2).setScale(2));
                    p.setBigDecimal(7, BigDecimal.valueOf(900 + rnd.nextInt(400_000), 2).setScale(2));
                    p.setBigDecimal(8, BigDecimal.valueOf(500 + rnd.nextInt(300_000), 2).setScale(2));
                    p.setInt(9, 0);
                    p.setArray(10, c.createArrayOf("text", new String[]{"https://cdn.example/" + sku + ".jpg"}));
                    p.setString(11, searchText(sku, name, nameAr));
                    p.addBatch();
                    if (i % 1000 == 999) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
            if (stockOnHand > 0) {
                try (PreparedStatement st = c.prepareStatement("""
                        with s as (update product set stock_on_hand = ? where sku like 'BENCH-%' returning id)
                        insert into stock_ledger (product_id, reason, on_hand_delta, reserved_delta, on_hand_after, reserved_after, note, actor)
                        select id, 'IMPORT', ?, 0, ?, 0, 'benchmark seed', 'system:benchmark' from s""")) {
                    // stock through the ledger, as the service would have it
                    st.setInt(1, stockOnHand);
                    st.setInt(2, stockOnHand);
                    st.setInt(3, stockOnHand);
                    st.execute();
                }
            }
            c.commit();
            try (Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                // what autovacuum does after a bulk load: statistics and the visibility map
                st.execute("vacuum analyze product");
                st.execute("vacuum analyze category");
                st.execute("vacuum analyze stock_ledger");
                c.setAutoCommit(false);
            }
            List<Long> ids = new ArrayList<>();
            try (Statement st = c.createStatement(); var rs = st.executeQuery("select id from product where sku like 'BENCH-%' order by id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            c.commit();
            return ids.stream().mapToLong(Long::longValue).toArray();
        }
    }
}
