package com.tsh.erp.orders.bench;

import com.tsh.erp.orders.service.OrderStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Two years of order history at ten times today's size, written straight into order-service's
 * tables with PostgreSQL's COPY: 20,000 products, 5,000 clients and 1,000 salespeople in the read
 * models, and 200,000 orders with 1,000,000 lines and every transition of each, as the service
 * itself would have stored them. OrderBenchmark measures on it; {@code deploy/local/order-data.sh}
 * loads it into a local {@code tsh_orders} (README, order-service).
 *
 * <p>What the data is like (fixed seed, so every load is the same history up to its end time):
 * <ul>
 * <li>Read models: product {@code i} is {@code BENCH-<i>} named as catalog-service's benchmark names
 * its products ("Fast charger white #41", "شاحن سريع أبيض رقم 41"), retail 1,000-76,000 IQD, wholesale
 * about 85% of it; client {@code i} is named as client-service's benchmark names its clients, every
 * fifth one retail; 3% of products, 2% of clients and 3% of salespeople are inactive now (they still
 * have old orders). Ids start at {@link #FIRST_ID}, far above what a local catalog or client base
 * hands out, so generated rows never take the id of a real product or client.</li>
 * <li>Orders: placed over the two years before the load, more each month (the business grows),
 * fewer on Fridays, in Baghdad's working hours; a few clients order much more than most; the
 * salesperson is the client's own (retail clients: half have none), another one for 5% of
 * orders; 1 to 9 lines (5 on average, exactly {@code lines} in all), each a different product,
 * popular products more often; wholesale quantities 1-100 (mostly few), retail 1-3.</li>
 * <li>Priced as OrderPlacement prices: the wholesale price for a wholesale client, retail for a
 * retail one; line total = unit price x quantity; subtotal = the lines' sum; discount (0 for 65% of
 * orders, else 2 to 10 percent) = subtotal x percent / 100 rounded half-up to 2 places; total =
 * subtotal - discount; {@code line_count} and {@code total_quantity} from the lines.</li>
 * <li>Status by age: older orders mostly DELIVERED (87%), 8% REJECTED (for stock, for credit, or by
 * timeout, with the rejection's figures as the saga stores them), 5% CANCELLED; in the last ten
 * days many still CONFIRMED; the last {@link #PENDING_ORDERS} orders, placed in the last 20 seconds,
 * PENDING (a running service's timeout sweep rejects them 30 s later, as it would).
 * DELIVERED orders carry their salesperson's commission rate.</li>
 * <li>Numbers {@code SO-<Baghdad year>-<6 digits>} in the order of placing, from 1, and the
 * number sequence set past them; every transition (placing, confirmation, the final one) with its
 * time, actor and reason, the order's version counting them.</li>
 * </ul>
 *
 * <p>The orders replace whatever orders the database held (TRUNCATE in the same transaction as the
 * COPY, which lets COPY write the rows frozen); the generated read-model rows replace earlier
 * generated ones and leave every other row alone.
 */
public final class GeneratedOrders {

    /** The first id of generated products, clients and salespeople. */
    public static final long FIRST_ID = 1_000_001;
    /** How many orders at the end are still PENDING. */
    public static final int PENDING_ORDERS = 12;
    static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");
    static final String SAGA = "system:order-saga";
    static final String PLACED_BY = "anonymous";

    /** The sizes to generate. */
    public record Sizes(int products, int clients, int salespeople, int orders, int lines, int days) {
        /** Ten times today's business, two years of it. */
        public static final Sizes TEN_X = new Sizes(20_000, 5_000, 1_000, 200_000, 1_000_000, 730);
    }

    /** What was loaded, and how long each step took. */
    public record Loaded(Sizes sizes, Instant first, Instant last, Map<OrderStatus, Integer> byStatus, long transitions,
                         Duration generate, Duration copy, Duration analyze) {

        public Duration total() {
            return generate.plus(copy).plus(analyze);
        }

        public String summary() {
            return String.format("%,d orders with %,d lines and %,d transitions (%s), %,d products, %,d clients, %,d salespeople, "
                            + "placed %s to %s; generated in %.1f s, copied in %.1f s, analyzed in %.1f s: %.1f s in all",
                    sizes.orders(), sizes.lines(), transitions, byStatus, sizes.products(), sizes.clients(), sizes.salespeople(),
                    first.truncatedTo(ChronoUnit.SECONDS), last.truncatedTo(ChronoUnit.SECONDS), seconds(generate), seconds(copy),
                    seconds(analyze), seconds(total()));
        }
    }

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
    static final String[][] CLIENT_NAMES = {
            {"Al-Noor Electronics", "النور للإلكترونيات"}, {"Baghdad Mobile", "بغداد موبايل"}, {"Al-Amal Trading", "الأمل للتجارة"},
            {"Dijla Phones", "دجلة للهواتف"}, {"Al-Rafidain Store", "متجر الرافدين"}, {"Babylon Tech", "بابل تك"},
            {"Al-Zahraa Accessories", "الزهراء للإكسسوارات"}, {"Karbala Digital", "كربلاء ديجيتال"}};
    static final String[] SALESPERSON_KINDS = {"INTERNAL", "PARTNER_SALESMAN", "TRAVEL"};
    static final String[] NOTES = {"deliver before noon", "اتصل قبل التوصيل", "the usual order", "البضاعة إلى المخزن الثاني"};
    static final String[] CANCEL_REASONS = {"the client changed the order", "ألغى العميل الطلب", "cancelled"};

    private GeneratedOrders() {
    }

    // --- the read models' rows, by index

    public static long productId(int i) {
        return FIRST_ID + i;
    }

    public static long clientId(int i) {
        return FIRST_ID + i;
    }

    public static long salespersonId(int i) {
        return FIRST_ID + i;
    }

    static String sku(int i) {
        return "BENCH-" + String.format("%05d", i);
    }

    static String productName(int i) {
        return NOUNS[i % NOUNS.length][0] + " " + ADJECTIVES[(i / NOUNS.length) % ADJECTIVES.length][0] + " #" + i;
    }

    static String productNameAr(int i) {
        return NOUNS[i % NOUNS.length][1] + " " + ADJECTIVES[(i / NOUNS.length) % ADJECTIVES.length][1] + " رقم " + i;
    }

    static String clientName(int i) {
        return CLIENT_NAMES[i % CLIENT_NAMES.length][0] + " " + i;
    }

    static String clientNameAr(int i) {
        return CLIENT_NAMES[i % CLIENT_NAMES.length][1] + " " + i;
    }

    static boolean retail(int client) {
        return client % 5 == 0;
    }

    /** The world the orders are drawn from: prices, client types, who sells to whom. */
    private static final class World {
        final long[] retailCents;
        final long[] wholesaleCents;
        final boolean[] productActive;
        final int[] clientSalesperson; // -1: none
        final boolean[] clientActive;
        final int[] rateBp; // commission rate in hundredths of a percent
        final boolean[] salespersonActive;
        final int[] productRank; // popularity rank -> product
        final int[] clientRank; // how much a client orders, rank -> client
        final String[] skus;
        final String[] names;
        final String[] namesAr;

        World(Sizes s, Random rnd) {
            skus = new String[s.products()];
            names = new String[s.products()];
            namesAr = new String[s.products()];
            for (int i = 0; i < s.products(); i++) {
                skus[i] = sku(i);
                names[i] = productName(i);
                namesAr[i] = productNameAr(i);
            }
            retailCents = new long[s.products()];
            wholesaleCents = new long[s.products()];
            productActive = new boolean[s.products()];
            for (int i = 0; i < s.products(); i++) {
                double u = rnd.nextDouble();
                long retail = 1_000 + (long) (u * u * 300) * 250;        // 1,000 to 76,000 IQD, most below 20,000
                long wholesale = Math.max(250, retail * 85 / 100 / 25 * 25); // about 85%, to 25 IQD
                retailCents[i] = retail * 100;
                wholesaleCents[i] = wholesale * 100;
                productActive[i] = rnd.nextInt(100) >= 3;
            }
            rateBp = new int[s.salespeople()];
            salespersonActive = new boolean[s.salespeople()];
            for (int i = 0; i < s.salespeople(); i++) {
                rateBp[i] = 100 + 25 * rnd.nextInt(17); // 1.00% to 5.00%
                salespersonActive[i] = rnd.nextInt(100) >= 3;
            }
            clientSalesperson = new int[s.clients()];
            clientActive = new boolean[s.clients()];
            for (int i = 0; i < s.clients(); i++) {
                clientSalesperson[i] = retail(i) && rnd.nextBoolean() ? -1 : rnd.nextInt(s.salespeople());
                clientActive[i] = rnd.nextInt(100) >= 2;
            }
            productRank = permutation(s.products(), rnd);
            clientRank = permutation(s.clients(), rnd);
        }

        long unitCents(int product, boolean retail) {
            return retail ? retailCents[product] : wholesaleCents[product];
        }
    }

    /** One generated order; times in microseconds since the epoch (0: none). */
    private static final class Order {
        long idHi;
        long idLo;
        long placed;
        int client;
        int salesperson; // -1: none
        int[] products;
        int[] quantities;
        long subtotal; // cents
        int discountBp;
        long discount;
        long totalQuantity;
        OrderStatus status;
        String stockAnswer;
        String creditAnswer;
        String rejectionJson;
        String rejectionReason; // the transition's reason
        boolean cancelledWhilePending;
        String cancelReason;
        String note;
        long confirmed;
        long closed;
        long delivered;

        UUID id() {
            return new UUID(idHi, idLo);
        }

        int version() {
            return 1 + (confirmed != 0 ? 1 : 0) + (closed != 0 ? 1 : 0);
        }
    }

    /**
     * Loads the sizes' history into the database behind {@code c} (order-service's schema must be
     * there: the service migrates it when it starts), ending at {@code end}. Commits.
     */
    public static Loaded load(Connection c, Sizes sizes, long seed, Instant end) throws SQLException, IOException {
        long t0 = System.nanoTime();
        Random rnd = new Random(seed);
        World world = new World(sizes, rnd);
        List<Order> orders = generate(sizes, world, rnd, end);
        Map<OrderStatus, Integer> byStatus = new EnumMap<>(OrderStatus.class);
        for (OrderStatus s : OrderStatus.values()) {
            byStatus.put(s, 0);
        }
        orders.forEach(o -> byStatus.merge(o.status, 1, Integer::sum));
        long t1 = System.nanoTime();

        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        long transitions;
        try {
            try (Statement st = c.createStatement()) {
                ResultSet rs = st.executeQuery("select to_regclass('sales_order') is not null");
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new IllegalStateException("no sales_order table here: start order-service once against this database "
                            + "(it creates its tables), then load");
                }
                st.execute("truncate sales_order_transition, sales_order_line, sales_order");
                long last = FIRST_ID + Math.max(sizes.products(), Math.max(sizes.clients(), sizes.salespeople()));
                st.execute("delete from product_view where id >= " + FIRST_ID + " and id < " + last);
                st.execute("delete from client_view where id >= " + FIRST_ID + " and id < " + last);
                st.execute("delete from salesperson_view where id >= " + FIRST_ID + " and id < " + last);
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            copyReadModels(copy, sizes, world, end);
            copyOrders(copy, orders, world);
            copyLines(copy, orders, world);
            transitions = copyTransitions(copy, orders);
            try (Statement st = c.createStatement()) {
                st.execute("select setval('sales_order_number_seq', " + orders.size() + ")");
                st.execute("select setval(pg_get_serial_sequence('sales_order_transition', 'id'), " + transitions + ")");
            }
            c.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        }
        long t2 = System.nanoTime();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            // statistics for the planner and the visibility map (COPY FREEZE set most of it) for index-only scans
            st.execute("vacuum (analyze) sales_order, sales_order_line, sales_order_transition, product_view, client_view, "
                    + "salesperson_view");
        }
        c.setAutoCommit(autoCommit);
        long t3 = System.nanoTime();
        return new Loaded(sizes, micros(orders.get(0).placed), micros(orders.get(orders.size() - 1).placed), byStatus, transitions,
                Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), Duration.ofNanos(t3 - t2));
    }

    /** As {@link #load(Connection, Sizes, long, Instant)} on a connection of the data source. */
    public static Loaded load(DataSource dataSource, Sizes sizes, long seed, Instant end) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            return load(c, sizes, seed, end);
        }
    }

    // --- generating

    private static List<Order> generate(Sizes s, World w, Random rnd, Instant end) {
        long endMicros = micros(end);
        long[] placed = placingTimes(s, rnd, end);
        int[] lineCounts = lineCounts(s, rnd);
        long day = 86_400_000_000L;
        List<Order> orders = new ArrayList<>(s.orders());
        for (int i = 0; i < s.orders(); i++) {
            Order o = new Order();
            long hi = rnd.nextLong();
            long lo = rnd.nextLong();
            o.idHi = (hi & ~0xF000L) | 0x4000L; // a version 4 UUID
            o.idLo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            o.placed = placed[i];
            long age = endMicros - o.placed;
            boolean recent = age < 30 * day; // what is inactive now was active before: recent orders avoid it

            int client;
            do {
                client = w.clientRank[(int) (s.clients() * Math.pow(rnd.nextDouble(), 2.2))];
            } while (recent && !w.clientActive[client]);
            o.client = client;
            boolean retail = retail(client);
            o.salesperson = w.clientSalesperson[client];
            if (rnd.nextInt(100) < 5) {
                o.salesperson = rnd.nextInt(s.salespeople());
            }

            int n = lineCounts[i];
            o.products = new int[n];
            o.quantities = new int[n];
            for (int l = 0; l < n; l++) {
                int p;
                do {
                    p = w.productRank[(int) (s.products() * Math.pow(rnd.nextDouble(), 1.6))];
                } while (contains(o.products, l, p) || (recent && !w.productActive[p]));
                o.products[l] = p;
                double u = rnd.nextDouble();
                o.quantities[l] = retail ? 1 + rnd.nextInt(3) : 1 + (int) (u * u * u * 100);
                o.subtotal += w.unitCents(p, retail) * o.quantities[l];
                o.totalQuantity += o.quantities[l];
            }
            int d = rnd.nextInt(100);
            o.discountBp = d < 65 ? 0 : d < 75 ? 200 : d < 82 ? 250 : d < 88 ? 300 : d < 94 ? 500 : d < 97 ? 750 : 1000;
            o.discount = (o.subtotal * o.discountBp + 5_000) / 10_000; // half-up to the cent, as OrderPlacement
            o.note = rnd.nextInt(100) < 5 ? NOTES[rnd.nextInt(NOTES.length)] : null;

            fate(o, i >= s.orders() - PENDING_ORDERS, age, endMicros, retail, rnd);
            orders.add(o);
        }
        return orders;
    }

    /** What became of the order: its status, answers, times and, for a rejection, the saga's figures. */
    private static void fate(Order o, boolean pending, long age, long end, boolean retail, Random rnd) {
        long day = 86_400_000_000L;
        long answered = o.placed + 60_000 + (long) (rnd.nextDouble() * rnd.nextDouble() * 540_000); // 60-600 ms after placing
        if (pending) {
            o.status = OrderStatus.PENDING;
            return;
        }
        double r = rnd.nextDouble();
        if (age < 2 * day) {
            o.status = r < 0.08 ? OrderStatus.DELIVERED : r < 0.86 ? OrderStatus.CONFIRMED : r < 0.94 ? OrderStatus.REJECTED : OrderStatus.CANCELLED;
        } else if (age < 10 * day) {
            o.status = r < 0.55 ? OrderStatus.DELIVERED : r < 0.83 ? OrderStatus.CONFIRMED : r < 0.93 ? OrderStatus.REJECTED : OrderStatus.CANCELLED;
        } else {
            o.status = r < 0.87 ? OrderStatus.DELIVERED : r < 0.95 ? OrderStatus.REJECTED : OrderStatus.CANCELLED;
        }
        if (o.status == OrderStatus.CANCELLED && rnd.nextInt(100) < 30) {
            o.cancelledWhilePending = true;
            o.closed = o.placed + 3_000_000 + (long) (rnd.nextDouble() * 20_000_000); // within the saga's first seconds
            o.cancelReason = CANCEL_REASONS[rnd.nextInt(CANCEL_REASONS.length)];
            return;
        }
        if (o.status == OrderStatus.REJECTED) {
            reject(o, answered, retail, rnd);
            return;
        }
        o.stockAnswer = "YES";
        o.creditAnswer = "YES";
        o.confirmed = answered;
        long room = Math.max(1, end - 60_000_000 - o.confirmed); // everything closed a minute before the end
        if (o.status == OrderStatus.DELIVERED) {
            long after = 4 * 3_600_000_000L + (long) (rnd.nextDouble() * 5 * day);
            o.delivered = o.confirmed + Math.min(after, (long) (rnd.nextDouble() * room));
            o.closed = o.delivered;
        } else if (o.status == OrderStatus.CANCELLED) {
            long after = 5 * 60_000_000L + (long) (rnd.nextDouble() * 2 * day);
            o.closed = o.confirmed + Math.min(after, (long) (rnd.nextDouble() * room));
            o.cancelReason = CANCEL_REASONS[rnd.nextInt(CANCEL_REASONS.length)];
        }
    }

    private static void reject(Order o, long answered, boolean retail, Random rnd) {
        int k = rnd.nextInt(100);
        String code = k < 10 ? "TIMEOUT" : retail || k < 55 ? "STOCK" : "CREDIT";
        String message;
        switch (code) {
            case "STOCK" -> {
                o.stockAnswer = "NO";
                o.creditAnswer = rnd.nextInt(100) < 70 ? "YES" : null;
                o.closed = answered;
                int shortLines = Math.min(o.products.length, 1 + (rnd.nextInt(4) == 0 ? 1 : 0));
                message = shortLines == 1 ? "1 line is short" : shortLines + " lines are short";
                StringBuilder lines = new StringBuilder();
                for (int l = 0; l < shortLines; l++) {
                    int p = o.products[l];
                    lines.append(l == 0 ? "" : ",").append("{\"product_id\":").append(productId(p)).append(",\"sku\":\"").append(sku(p))
                            .append("\",\"requested\":").append(o.quantities[l]).append(",\"available\":").append(rnd.nextInt(o.quantities[l]))
                            .append(",\"reason\":\"INSUFFICIENT_STOCK\"}");
                }
                o.rejectionJson = "{\"code\":\"STOCK\",\"message\":\"" + message + "\",\"short_lines\":[" + lines + "]}";
            }
            case "CREDIT" -> {
                o.creditAnswer = "NO";
                o.stockAnswer = rnd.nextInt(100) < 70 ? "YES" : null;
                o.closed = answered;
                long total = o.subtotal - o.discount;
                long limit = 5_000_000_000L; // 50,000,000.00 IQD, client-service's benchmark clients' limit
                long available = (long) (total * rnd.nextDouble());
                long reserved = (long) ((limit - available) * rnd.nextDouble() * 0.3);
                long balance = limit - available - reserved;
                message = "the order total " + money(total) + " is more than the available credit " + money(available);
                o.rejectionJson = "{\"code\":\"CREDIT\",\"message\":\"" + message + "\",\"credit\":{\"reason\":\"CREDIT_LIMIT_EXCEEDED\","
                        + "\"credit_limit\":" + money(limit) + ",\"balance\":" + money(balance) + ",\"reserved_credit\":" + money(reserved)
                        + ",\"order_total\":" + money(total) + ",\"available_credit\":" + money(available) + "}}";
            }
            default -> {
                int m = rnd.nextInt(10);
                List<String> missing = m < 7 ? List.of("stock") : m < 9 ? List.of("credit") : List.of("stock", "credit");
                o.stockAnswer = missing.contains("stock") ? null : "YES";
                o.creditAnswer = missing.contains("credit") ? null : "YES";
                o.closed = o.placed + 30_000_000 + (long) (rnd.nextDouble() * 5_000_000); // the sweep, every 5 s after 30 s
                message = "no answer within 30 s from " + String.join(" and ", missing);
                o.rejectionJson = "{\"code\":\"TIMEOUT\",\"message\":\"" + message + "\",\"waiting_for\":[\"" + String.join("\",\"", missing)
                        + "\"]}";
            }
        }
        o.rejectionReason = code + ": " + message;
    }

    /**
     * When each order was placed, in order: days weighted by the business's growth (0.6 to 1.4 of
     * the average over the period) and the week (Friday a third, Saturday 90%), hours by Baghdad's
     * working day; the last {@link #PENDING_ORDERS} in the last 20 seconds.
     */
    private static long[] placingTimes(Sizes s, Random rnd, Instant end) {
        LocalDate lastDay = end.atZone(BAGHDAD).toLocalDate();
        LocalDate firstDay = lastDay.minusDays(s.days() - 1L);
        double[] cumulative = new double[s.days()];
        double sum = 0;
        for (int d = 0; d < s.days(); d++) {
            DayOfWeek dow = firstDay.plusDays(d).getDayOfWeek();
            double week = dow == DayOfWeek.FRIDAY ? 0.35 : dow == DayOfWeek.SATURDAY ? 0.9 : 1.0;
            sum += (0.6 + 0.8 * d / s.days()) * week * (0.85 + 0.3 * rnd.nextDouble());
            cumulative[d] = sum;
        }
        // hours 8:00-21:00, busiest late morning and late afternoon
        double[] hourWeights = {0, 0, 0, 0, 0, 0, 0, 0, 3, 6, 9, 10, 9, 6, 5, 7, 9, 9, 7, 4, 2, 1, 0, 0};
        double[] hours = new double[24];
        double h = 0;
        for (int i = 0; i < 24; i++) {
            h += hourWeights[i];
            hours[i] = h;
        }
        long endMicros = micros(end);
        long latest = endMicros - 60_000_000; // a minute before the end: only the PENDING ones come later
        long[] placed = new long[s.orders()];
        int regular = s.orders() - PENDING_ORDERS;
        for (int i = 0; i < regular; i++) {
            long t;
            do {
                int d = pick(cumulative, rnd.nextDouble() * sum);
                int hour = pick(hours, rnd.nextDouble() * h);
                long startOfDay = micros(firstDay.plusDays(d).atStartOfDay(BAGHDAD).toInstant());
                t = startOfDay + hour * 3_600_000_000L + (long) (rnd.nextDouble() * 3_600_000_000L);
            } while (t >= latest);
            placed[i] = t;
        }
        Arrays.sort(placed, 0, regular);
        for (int i = regular; i < s.orders(); i++) {
            placed[i] = endMicros - 20_000_000 + (i - regular) * (19_000_000L / PENDING_ORDERS);
        }
        return placed;
    }

    /** Lines per order: 1 to 9 in shuffled runs (5 on average), then nudged until they add up to exactly {@code lines}. */
    private static int[] lineCounts(Sizes s, Random rnd) {
        int[] counts = new int[s.orders()];
        long sum = 0;
        int[] run = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        for (int i = 0; i < s.orders(); i++) {
            if (i % run.length == 0) {
                shuffle(run, rnd);
            }
            counts[i] = run[i % run.length];
            sum += counts[i];
        }
        long diff = s.lines() - sum;
        if (s.lines() < s.orders() || s.lines() > 30L * s.orders()) {
            throw new IllegalArgumentException("lines must be between 1 and 30 times the orders");
        }
        while (diff != 0) {
            int i = rnd.nextInt(s.orders());
            if (diff > 0 && counts[i] < 30) {
                counts[i]++;
                diff--;
            } else if (diff < 0 && counts[i] > 1) {
                counts[i]--;
                diff++;
            }
        }
        return counts;
    }

    // --- writing (COPY, text format)

    private static void copyReadModels(CopyManager copy, Sizes s, World w, Instant end) throws SQLException, IOException {
        String at = end.toString();
        try (Rows out = copyIn(copy, "copy product_view (id, sku, name, name_ar, retail_price, wholesale_price, active, version, updated_at) "
                + "from stdin")) {
            for (int i = 0; i < s.products(); i++) {
                out.row(productId(i), w.skus[i], w.names[i], w.namesAr[i], money(w.retailCents[i]), money(w.wholesaleCents[i]),
                        w.productActive[i], w.productActive[i] ? 1 : 2, at);
            }
        }
        try (Rows out = copyIn(copy, "copy client_view (id, client_type, name, name_ar, salesperson_id, active, version, updated_at) "
                + "from stdin")) {
            for (int i = 0; i < s.clients(); i++) {
                int sp = w.clientSalesperson[i];
                out.row(clientId(i), retail(i) ? "RETAIL" : "WHOLESALE", clientName(i), clientNameAr(i), sp < 0 ? null : salespersonId(sp),
                        w.clientActive[i], w.clientActive[i] ? 1 : 2, at);
            }
        }
        try (Rows out = copyIn(copy, "copy salesperson_view (id, name, name_ar, kind, commission_rate, active, version, updated_at) "
                + "from stdin")) {
            for (int i = 0; i < s.salespeople(); i++) {
                out.row(salespersonId(i), "Salesperson " + i, "مندوب " + i, SALESPERSON_KINDS[i % 3], percent(w.rateBp[i]),
                        w.salespersonActive[i], w.salespersonActive[i] ? 1 : 2, at);
            }
        }
    }

    private static void copyOrders(CopyManager copy, List<Order> orders, World w) throws SQLException, IOException {
        try (Rows out = copyIn(copy, """
                copy sales_order (id, number, client_id, client_name, client_name_ar, channel, salesperson_id, status, stock_answer,
                    credit_answer, rejection, line_count, total_quantity, subtotal, discount_percent, discount, total, currency, note,
                    commission_rate, placed_at, confirmed_at, closed_at, delivered_at, placed_by, version, updated_at)
                from stdin with (freeze)""")) {
            for (int i = 0; i < orders.size(); i++) {
                Order o = orders.get(i);
                Instant placed = micros(o.placed);
                String number = "SO-" + placed.atZone(BAGHDAD).getYear() + "-" + String.format("%06d", i + 1);
                String commission = o.status != OrderStatus.DELIVERED ? null : o.salesperson < 0 ? "0.00" : percent(w.rateBp[o.salesperson]);
                long updated = Math.max(o.placed, Math.max(o.confirmed, o.closed));
                out.row(o.id(), number, clientId(o.client), clientName(o.client), clientNameAr(o.client),
                        retail(o.client) ? "RETAIL" : "WHOLESALE", o.salesperson < 0 ? null : salespersonId(o.salesperson), o.status,
                        o.stockAnswer, o.creditAnswer, o.rejectionJson, o.products.length, o.totalQuantity, money(o.subtotal),
                        percent(o.discountBp), money(o.discount), money(o.subtotal - o.discount), "IQD", o.note, commission, placed,
                        time(o.confirmed), time(o.closed), time(o.delivered), PLACED_BY, o.version(), micros(updated));
            }
        }
    }

    private static void copyLines(CopyManager copy, List<Order> orders, World w) throws SQLException, IOException {
        try (Rows out = copyIn(copy, """
                copy sales_order_line (order_id, line_no, product_id, sku, name, name_ar, quantity, unit_price, line_total)
                from stdin with (freeze)""")) {
            for (Order o : orders) {
                UUID id = o.id();
                boolean retail = retail(o.client);
                for (int l = 0; l < o.products.length; l++) {
                    int p = o.products[l];
                    long unit = w.unitCents(p, retail);
                    out.row(id, l + 1, productId(p), w.skus[p], w.names[p], w.namesAr[p], o.quantities[l], money(unit),
                            money(unit * o.quantities[l]));
                }
            }
        }
    }

    private static long copyTransitions(CopyManager copy, List<Order> orders) throws SQLException, IOException {
        long id = 0;
        try (Rows out = copyIn(copy, """
                copy sales_order_transition (id, order_id, from_status, to_status, actor, reason, at)
                from stdin with (freeze)""")) {
            for (Order o : orders) {
                UUID order = o.id();
                out.row(++id, order, null, OrderStatus.PENDING, PLACED_BY, "placed", micros(o.placed));
                if (o.confirmed != 0) {
                    out.row(++id, order, OrderStatus.PENDING, OrderStatus.CONFIRMED, SAGA, "stock and credit reserved", micros(o.confirmed));
                }
                OrderStatus from = o.confirmed != 0 ? OrderStatus.CONFIRMED : OrderStatus.PENDING;
                switch (o.status) {
                    case REJECTED -> out.row(++id, order, from, OrderStatus.REJECTED, SAGA, o.rejectionReason, micros(o.closed));
                    case CANCELLED -> out.row(++id, order, from, OrderStatus.CANCELLED, PLACED_BY, o.cancelReason, micros(o.closed));
                    case DELIVERED -> out.row(++id, order, from, OrderStatus.DELIVERED, PLACED_BY, "delivered", micros(o.delivered));
                    default -> {
                    }
                }
            }
        }
        return id;
    }

    private static Rows copyIn(CopyManager copy, String sql) throws SQLException {
        return new Rows(new PGCopyOutputStream(copy.copyIn(sql), 1 << 16));
    }

    /** Rows in COPY's text format: tab-separated, \N for null, the format's special characters escaped; sent 64 KiB at a time. */
    private static final class Rows implements AutoCloseable {
        private final PGCopyOutputStream out;
        private final StringBuilder buffer = new StringBuilder(1 << 17);

        Rows(PGCopyOutputStream out) {
            this.out = out;
        }

        void row(Object... values) throws IOException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    buffer.append("\\N");
                    continue;
                }
                String s = v.toString();
                for (int k = 0; k < s.length(); k++) {
                    char ch = s.charAt(k);
                    switch (ch) {
                        case '\\' -> buffer.append("\\\\");
                        case '\t' -> buffer.append("\\t");
                        case '\n' -> buffer.append("\\n");
                        case '\r' -> buffer.append("\\r");
                        default -> buffer.append(ch);
                    }
                }
            }
            buffer.append('\n');
            if (buffer.length() >= 1 << 16) {
                flush();
            }
        }

        private void flush() throws IOException {
            out.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
            buffer.setLength(0);
        }

        @Override
        public void close() throws IOException {
            flush();
            out.close();
        }
    }

    // --- small helpers

    static String money(long cents) {
        long abs = Math.abs(cents);
        return (cents < 0 ? "-" : "") + abs / 100 + "." + (abs % 100 < 10 ? "0" : "") + abs % 100;
    }

    private static String percent(int bp) {
        return money(bp);
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
    }

    private static Instant micros(long m) {
        return Instant.ofEpochSecond(Math.floorDiv(m, 1_000_000), Math.floorMod(m, 1_000_000) * 1_000L);
    }

    private static Instant time(long m) {
        return m == 0 ? null : micros(m);
    }

    private static int pick(double[] cumulative, double x) {
        int i = Arrays.binarySearch(cumulative, x);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    private static int[] permutation(int n, Random rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, rnd);
        return p;
    }

    private static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /**
     * The command (deploy/local/order-data.sh): loads the 10x history into a database that
     * order-service has migrated. Options: {@code --database NAME} (default tsh_orders),
     * {@code --seed N}, {@code --replace} (needed when the database already has orders: they are
     * all deleted). The server comes from TSH_PG_HOST, TSH_PG_PORT, TSH_PG_USER, TSH_PG_PASSWORD.
     */
    public static void main(String[] args) throws Exception {
        String database = "tsh_orders";
        long seed = 10;
        boolean replace = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--database" -> database = args[++i];
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--replace" -> replace = true;
                default -> {
                    System.err.println("usage: order-data.sh [--database NAME] [--seed N] [--replace]");
                    System.exit(2);
                }
            }
        }
        try (Connection c = com.tsh.erp.bench.LocalDatabase.named(database).getConnection()) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "select to_regclass('sales_order') is not null and exists (select 1 from sales_order)")) {
                rs.next();
                if (rs.getBoolean(1) && !replace) {
                    System.err.println(database + " already has orders; add --replace to delete them all and load the generated ones");
                    System.exit(1);
                }
            } catch (SQLException e) {
                // no table yet: load() says what to do
                c.rollback();
            }
            System.out.println("loading " + database + " ...");
            Loaded loaded = load(c, Sizes.TEN_X, seed, Instant.now().truncatedTo(ChronoUnit.MICROS));
            System.out.println(loaded.summary());
        }
    }
}
