package com.tsh.erp.zohosim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Random;

/**
 * Made-up but plausible records for {@code POST /sim/seed}: a distributor's goods (English names, the Arabic
 * name in the custom field, prices in IQD) and its customers in Iraq (businesses and people, unique names and
 * phones). The n-th item's SKU is {@code ZS-<n, 6 digits>}; the n-th contact's phone {@code +9647<n + 700000000>}.
 * Times are spread over the seven days before the last minute: created then, modified between then and a minute ago.
 */
final class Seeder {

    /** A made record, its custom fields in the request's shape, and its times. */
    record Made(ObjectNode body, ArrayNode customFields, long created, long modified) {
    }

    private static final long SPREAD_MILLIS = 7L * 24 * 3600 * 1000;
    /** Nothing seeded is modified in the last minute: a test's own changes are the only recent ones. */
    private static final long QUIET_MILLIS = 60_000;
    private static final String[][] GOODS = {
            {"Rice", "رز"}, {"Sugar", "سكر"}, {"Tea", "شاي"}, {"Sunflower Oil", "زيت زهرة الشمس"}, {"Flour", "طحين"},
            {"Lentils", "عدس"}, {"Chickpeas", "حمص"}, {"Tomato Paste", "معجون طماطم"}, {"Pasta", "معكرونة"},
            {"Detergent", "مسحوق غسيل"}, {"Shampoo", "شامبو"}, {"Soap", "صابون"}, {"Tissues", "مناديل"},
            {"Bottled Water", "مياه معبأة"}, {"Dates", "تمر"}, {"Cheese", "جبن"}, {"Milk Powder", "حليب مجفف"},
            {"Coffee", "قهوة"}, {"Biscuits", "بسكويت"}, {"Canned Beans", "فاصوليا معلبة"}};
    private static final String[][] BRANDS = {
            {"Al-Rafidain", "الرافدين"}, {"Babil", "بابل"}, {"Dijla", "دجلة"}, {"Al-Furat", "الفرات"},
            {"Ishtar", "عشتار"}, {"Sumer", "سومر"}, {"Al-Noor", "النور"}, {"Al-Khair", "الخير"}};
    private static final String[][] SIZES = {
            {"500 g", "٥٠٠ غ"}, {"1 kg", "١ كغ"}, {"2 kg", "٢ كغ"}, {"5 kg", "٥ كغ"}, {"1 L", "١ لتر"},
            {"12 pack", "١٢ قطعة"}, {"24 pack", "٢٤ قطعة"}};
    private static final String[][] FIRST = {
            {"Ahmed", "أحمد"}, {"Ali", "علي"}, {"Hussein", "حسين"}, {"Mohammed", "محمد"}, {"Omar", "عمر"},
            {"Zainab", "زينب"}, {"Fatima", "فاطمة"}, {"Mustafa", "مصطفى"}, {"Karrar", "كرار"}, {"Noor", "نور"},
            {"Hassan", "حسن"}, {"Sara", "سارة"}};
    private static final String[][] LAST = {
            {"Al-Jubouri", "الجبوري"}, {"Al-Tamimi", "التميمي"}, {"Al-Saadi", "الساعدي"}, {"Al-Obaidi", "العبيدي"},
            {"Al-Zubaidi", "الزبيدي"}, {"Al-Khafaji", "الخفاجي"}, {"Al-Maliki", "المالكي"}, {"Al-Dulaimi", "الدليمي"}};
    private static final String[][] TRADE = {
            {"Trading Co.", "للتجارة"}, {"Supermarket", "سوبرماركت"}, {"Wholesale", "للجملة"}, {"Stores", "مخازن"},
            {"General Trading", "للتجارة العامة"}};
    private static final String[][] CITIES = {
            {"Baghdad", "Baghdad"}, {"Basra", "Basra"}, {"Erbil", "Erbil"}, {"Mosul", "Nineveh"}, {"Najaf", "Najaf"},
            {"Karbala", "Karbala"}, {"Sulaymaniyah", "Sulaymaniyah"}, {"Kirkuk", "Kirkuk"}, {"Hillah", "Babil"},
            {"Nasiriyah", "Dhi Qar"}};

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random;
    private final long now;

    Seeder(long seed, long now) {
        this.random = new Random(seed);
        this.now = now;
    }

    Made item(int n) {
        String[] good = pick(GOODS);
        String[] brand = pick(BRANDS);
        String[] size = pick(SIZES);
        long rate = 250L * (1 + random.nextInt(400));
        ObjectNode b = NODES.objectNode();
        b.put("name", brand[0] + " " + good[0] + " " + size[0] + " #" + n);
        b.put("sku", String.format(Locale.ROOT, "ZS-%06d", n));
        b.put("unit", "pcs");
        b.put("rate", BigDecimal.valueOf(rate));
        b.put("purchase_rate", BigDecimal.valueOf(rate * (70 + random.nextInt(21)) / 100));
        b.put("description", good[0] + ", " + size[0] + ", " + brand[0]);
        b.put("status", "active");
        b.put("source", "user");
        b.put("item_type", "inventory");
        b.put("product_type", "goods");
        ArrayNode cf = NODES.arrayNode();
        cf.addObject().put("customfield_id", 46000000000101L).put("value", good[1] + " " + brand[1] + " " + size[1]);
        cf.addObject().put("customfield_id", 46000000000102L).put("value", "");
        return made(b, cf);
    }

    Made contact(int n) {
        boolean business = random.nextInt(3) > 0;
        String[] first = pick(FIRST);
        String[] last = pick(LAST);
        String[] city = pick(CITIES);
        ObjectNode b = NODES.objectNode();
        String name;
        String arabic;
        if (business) {
            String[] trade = pick(TRADE);
            name = last[0] + " " + trade[0] + " " + n;
            arabic = trade[1].equals("سوبرماركت") ? trade[1] + " " + last[1] + " " + n : last[1] + " " + trade[1] + " " + n;
            b.put("company_name", last[0] + " " + trade[0]);
        } else {
            name = first[0] + " " + last[0] + " " + n;
            arabic = first[1] + " " + last[1] + " " + n;
        }
        b.put("contact_name", name);
        b.put("contact_type", "customer");
        b.put("customer_sub_type", business ? "business" : "individual");
        b.put("credit_limit", BigDecimal.valueOf(250_000L * (1 + random.nextInt(40))));
        b.put("currency_code", Store.CURRENCY);
        b.put("status", "active");
        b.put("has_transaction", false);
        b.put("outstanding_receivable_amount", 0);
        b.put("unused_credits_receivable_amount", 0);
        ObjectNode address = b.putObject("billing_address");
        address.put("address", "Street " + (1 + random.nextInt(120)) + ", Block " + (1 + random.nextInt(900)));
        address.put("city", city[0]);
        address.put("state", city[1]);
        address.put("country", "Iraq");
        String phone = "+9647" + (700_000_000L + n);
        ArrayNode persons = b.putArray("contact_persons");
        ObjectNode p = persons.addObject();
        p.put("first_name", first[0]);
        p.put("last_name", last[0]);
        p.put("email", String.format(Locale.ROOT, "customer%06d@example.iq", n));
        p.put("phone", phone);
        p.put("mobile", phone);
        p.put("is_primary_contact", true);
        ArrayNode cf = NODES.arrayNode();
        cf.addObject().put("index", 1).put("value", arabic);
        return made(b, cf);
    }

    private Made made(ObjectNode body, ArrayNode customFields) {
        long end = now - QUIET_MILLIS;
        long created = end - (long) (random.nextDouble() * SPREAD_MILLIS);
        long modified = created + (long) (random.nextDouble() * (end - created));
        body.put("created_time", ZohoTime.format(created));
        return new Made(body, customFields, created, modified);
    }

    private String[] pick(String[][] from) {
        return from[random.nextInt(from.length)];
    }
}
