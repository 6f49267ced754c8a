package com.tsh.erp.catalog;

import static com.tsh.erp.catalog.Catalog.createProduct;
import static com.tsh.erp.catalog.Catalog.productBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.catalog.service.SearchTextRewrite;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every rule of product search (issue 9), through GET /products against PostgreSQL and Redis. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest extends CatalogTestBase {

    @Inject
    RedisDataSource redis;

    /** A word no other test uses, so results are this class's own. */
    private final String tag = "zq" + UUID.randomUUID().toString().substring(0, 6);
    private long screen;
    private long charger;
    private long mask;
    private long battery;
    private long skuExact;
    private long skuPrefixed;
    private long mentionsSku;

    private boolean made;

    @BeforeEach
    void products() {
        if (made) {
            return;
        }
        made = true;
        screen = make(tag + "A-1", "LED screen original " + tag, "شاشة إل إي دي أصلية");
        charger = make(tag + "A-2", "Fast charger " + tag, "شاحن سريع للهاتف المحمول ٢٠ واط");
        mask = make(tag + "A-3", "Dust mask " + tag, "كِمامة مُضادّة للغبار");
        battery = make(tag + "A-4", "Power bank " + tag, "البطارية المتنقلة");
        String sku = tag.toUpperCase() + "-777";
        skuExact = make(sku, "Widget", "أداة");
        skuPrefixed = make(sku + "-B", "Widget big", "أداة كبيرة");
        mentionsSku = make(tag + "Z-9", "Adapter for " + sku + " widgets", "محول");
    }

    private static String letters(int n) {
        StringBuilder b = new StringBuilder("kw");
        java.util.concurrent.ThreadLocalRandom rnd = java.util.concurrent.ThreadLocalRandom.current();
        while (b.length() < n) {
            b.append((char) ('a' + rnd.nextInt(26)));
        }
        return b.toString();
    }

    private long make(String sku, String name, String nameAr) {
        return make(sku, name, nameAr, 7500.00);
    }

    private long make(String sku, String name, String nameAr, double price) {
        Map<String, Object> body = productBody(sku, name, nameAr);
        body.put("retail_price", price);
        return createProduct(body).getLong("id");
    }

    private static ValidatableResponse search(String q) {
        return given().queryParam("q", q).queryParam("per_page", 50).get("/products").then().statusCode(200);
    }

    private static List<Integer> ids(String q, String... more) {
        var request = given().queryParam("q", q).queryParam("per_page", 50);
        for (int i = 0; i + 1 < more.length; i += 2) {
            request.queryParam(more[i], more[i + 1]);
        }
        return request.get("/products").then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"شاشه", "شاشة", "ال اي دي", "إل إى دى", "اصليه", "أصليّة", "شـــاشة"})
    void arabicSpellingVariantsFindTheSameProduct(String q) {
        search(q).body("items.id", hasItem((int) screen));
    }

    @Test
    void hamzaAlefMaqsuraTaaMarbutaAndTashkeelAreIgnored() {
        search("كمامة مضادة").body("items.id", hasItem((int) mask));
        search("كمامه").body("items.id", hasItem((int) mask));
        search("المحمول").body("items.id", hasItem((int) charger));
        search("لِلهَاتِف").body("items.id", hasItem((int) charger));
    }

    @Test
    void partialWordsAndLatinCaseMatch() {
        search("SCRE").body("items.id", hasItem((int) screen));
        search("harg").body("items.id", hasItem((int) charger));
        search("سريع للها").body("items.id", hasItem((int) charger));
        search("ORIGINAL " + tag.toUpperCase()).body("items.id", hasItem((int) screen));
    }

    @Test
    void everyWordMatchesInAnyOrderInEitherLanguageOrBoth() {
        for (String q : new String[]{"fast charger " + tag, "charger fast " + tag, tag + " charger", "سريع شاحن " + tag,
                "شاحن " + tag + " fast", "المحمول fast " + tag, tag + " واط ٢٠ شاحن"}) {
            assertEquals(List.of((int) charger), ids(q), q);
        }
        assertEquals(List.of(), ids("charger screen " + tag), "every word must match");
    }

    @Test
    void theArticleAndAttachedPrefixesAreIgnoredInQueryAndStoredText() {
        // stored with the article (البطارية المتنقلة), asked with or without it or with another prefix
        for (String q : new String[]{"بطارية", "البطارية", "بالبطارية", "والبطارية", "متنقلة", "المتنقلة", "فالبطارية"}) {
            assertTrue(ids(q + " " + tag).contains((int) battery), q);
        }
        // stored without (شاحن سريع), asked with it
        for (String q : new String[]{"الشاحن", "والشاحن", "بالشاحن", "كالشاحن", "للشاحن", "وشاحن", "بشاحن", "السريع الشاحن"}) {
            assertEquals(List.of((int) charger), ids(q + " " + tag), q);
        }
    }

    @Test
    void aPrefixStaysWhenLessThanThreeLettersWouldRemain() {
        long door = make(tag + "D-1", "Door " + tag, "باب خشبي");
        long board = make(tag + "D-2", "Board " + tag, "لوح");
        assertEquals(List.of((int) door), ids("باب " + tag), "باب is not ب + اب");
        assertEquals(List.of((int) door), ids("الباب " + tag));
        assertEquals(List.of((int) board), ids("اللوح " + tag));
        assertEquals(List.of(), ids("اب " + tag), "اب matches only at a word's start, and no word starts so");
    }

    @Test
    void digitsInAnyScript() {
        long id = make(tag + "N-1", "Cable 305 cm " + tag, "كابل ٣٠٥ سم");
        for (String q : new String[]{"305", "٣٠٥", "۳۰۵"}) {
            assertEquals(List.of((int) id), ids(q + " " + tag), q);
        }
    }

    @Test
    void aQueryOfDigitsAloneAlsoSearchesTheSkusDigits() {
        String digits = String.valueOf(10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        long id = make("SKD-" + digits.substring(0, 4) + "-" + digits.substring(4), "Digits " + tag, "أرقام");
        assertEquals((int) id, ids(digits).get(0), "its digits as one number, a whole word");
        assertEquals((int) id, ids(digits.substring(0, 4) + " " + digits.substring(4)).get(0));
        assertEquals((int) id, ids(digits.substring(4)).get(0), "one group");
    }

    @Test
    void oneLetterWrongMissingExtraOrSwappedStillFindsTheProduct() {
        String w = letters(8); // a word no other product has
        long id = make(tag + "T-1", "Gadget " + w, "جهاز بلوتوث " + w);
        String wrong = w.substring(0, 4) + (w.charAt(4) == 'x' ? 'y' : 'x') + w.substring(5);
        String missing = w.substring(0, 4) + w.substring(5);
        String extra = w.substring(0, 4) + "x" + w.substring(4);
        String swapped = w.substring(0, 4) + w.charAt(5) + w.charAt(4) + w.substring(6);
        for (String q : new String[]{wrong, missing, extra, swapped, w.toUpperCase()}) {
            assertEquals((int) id, ids(q).get(0), q);
        }
        assertTrue(ids("بلتوث " + w).contains((int) id), "Arabic, one letter missing");
    }

    @Test
    void similarWordsRankBelowExactOnesAndOnlyWhenTheyFindLessThanAPage() {
        String w = letters(9).substring(0, 3) + "ae" + letters(6).substring(2);
        String typo = w.substring(0, 3) + "ea" + w.substring(5); // two neighbours swapped
        long exact = make(tag + "S-1", "Spelt " + typo, "مكتوب");
        long similar = make(tag + "S-2", "Spelt right " + w, "مكتوب صحيح");
        assertEquals(List.of((int) exact, (int) similar), ids(typo), "exact first, then the similar word");
        given().queryParam("q", typo).queryParam("per_page", 1).get("/products").then().statusCode(200)
                .body("items.id", contains((int) exact)).body("has_more", equalTo(false)); // a page of exact matches: no typo step
        assertEquals(List.of(), ids(typo + " 12345"), "a number is never matched by similarity");
    }

    @Test
    void tiersExactSkuSkuPrefixWholeWordsWordStartsInsideWordsSimilarWords() {
        String w = letters(9);
        String sku = w.toUpperCase();
        long inside = make(tag + "R-5", "Gamma x" + w, "ج", 1.00);
        long start = make(tag + "R-4", "Beta " + w + "ish", "ب", 2.00);
        long whole2 = make(tag + "R-3", "Zed " + w, "ز", 3.00);
        long whole1 = make(tag + "R-2", "Alpha " + w, "أ", 4.00);
        long similar = make(tag + "R-6", "Delta " + w.substring(0, w.length() - 1), "د", 5.00);
        long prefix = make(sku + "-2", "Something", "شيء", 6.00);
        long exact = make(sku, "Something else", "شيء آخر", 9.00);
        assertEquals(List.of((int) exact, (int) prefix, (int) whole1, (int) whole2, (int) start, (int) inside, (int) similar),
                ids(w), "relevance, the default with q: ties by name");
        assertEquals(ids(w), ids(w, "sort", "relevance"));
        assertEquals(List.of((int) exact, (int) prefix, (int) whole2, (int) whole1, (int) start, (int) inside, (int) similar),
                ids(w, "sort", "price"), "another sort orders each tier");
        assertEquals(List.of((int) exact, (int) prefix, (int) whole1, (int) whole2, (int) start, (int) inside, (int) similar),
                ids(w, "sort", "-price"));
    }

    @Test
    void relevanceWithoutAQueryIsByName() {
        given().queryParam("sort", "relevance").queryParam("per_page", 5).get("/products").then().statusCode(200)
                .body("items.size()", equalTo(5));
        List<String> names = given().queryParam("sort", "relevance").queryParam("per_page", 20).get("/products").then()
                .extract().jsonPath().getList("items.name");
        List<String> sorted = new java.util.ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names);
        given().queryParam("sort", "best").get("/products").then().statusCode(400).body("errors[0].field", equalTo("sort"));
    }

    @Test
    void shortWordsMatchOnlyAtTheStartOfAWord() {
        long id = make(tag + "W-1", "Xylophone j " + tag, "آلة");
        assertEquals(List.of((int) id), ids("j " + tag));
        assertEquals(List.of((int) id), ids("xy " + tag));
        assertEquals(List.of(), ids("ph " + tag), "ph is inside a word, not at its start");
    }

    @Test
    void exactSkuThenSkuPrefixRankFirst() {
        String sku = tag.toUpperCase() + "-777";
        search(sku.toLowerCase())
                .body("items[0].id", equalTo((int) skuExact))
                .body("items[1].id", equalTo((int) skuPrefixed))
                .body("items[2].id", equalTo((int) mentionsSku));
        search(tag + "a-").body("items.id", hasItem((int) screen)).body("items.id", hasItem((int) charger));
    }

    @Test
    void pagesRunOnFromSkuMatchesIntoNameMatches() {
        String q = (tag + "-777").toLowerCase();
        for (long[] expected : new long[][]{{1, skuExact}, {2, skuPrefixed}, {3, mentionsSku}}) {
            given().queryParam("q", q).queryParam("per_page", 1).queryParam("page", expected[0]).get("/products").then()
                    .statusCode(200).body("items.id", contains((int) expected[1]))
                    .body("has_more", equalTo(expected[0] < 3));
        }
        given().queryParam("q", q).queryParam("per_page", 1).queryParam("page", 4).get("/products").then()
                .statusCode(200).body("items.size()", equalTo(0)).body("has_more", equalTo(false));
    }

    @Test
    void eitherLanguageAloneFindsTheProduct() {
        search("شاحن").body("items.id", hasItem((int) charger));
        search("fast").body("items.id", hasItem((int) charger));
        // the stored text holds SKU, English and Arabic names; a query in one language never needs the other
        search("charger").body("items.id", not(hasItem((int) screen)));
    }

    @Test
    void noMatchIsAnEmptyPageAndWildcardsAreLetters() {
        search("xyzzy-" + UUID.randomUUID()).body("items.size()", equalTo(0)).body("has_more", equalTo(false));
        long id = make(tag + "P-1", "Percent 12x45 " + tag, "نسبة");
        assertEquals(List.of((int) id), ids("12x45"));
        assertEquals(List.of(), ids("12%45"), "% is a character, not a wildcard");
        assertEquals(List.of(), ids("12_45"), "_ is a character, not a wildcard");
        search("%%").body("items.size()", equalTo(0)).body("has_more", equalTo(false));
    }

    @Test
    void wordOrderSharesOneCachedPageAndAChangeIsSeenAtOnce() {
        long id = make(tag + "C-1", "Cached thing " + tag, "شيء");
        assertEquals(List.of((int) id), ids("thing cached " + tag));
        String pattern = "*plist*cached thing " + tag + "|*";
        assertEquals(1, redis.key().keys(pattern).size(), "the page is cached under its words in order");
        assertEquals(List.of((int) id), ids(tag + " Cached  THING"));
        assertEquals(1, redis.key().keys(pattern).size(), "another order is the same page");
        given().post("/products/" + id + "/deactivate").then().statusCode(200);
        assertEquals(List.of(), ids(tag + " cached thing"), "a change is seen at once: a new generation");
    }

    /** The stored text and the word table as V4 and V4_1 leave them for rows written before. */
    @Test
    void rowsWrittenBeforeGetTheNewSearchTextAndTheirWords() throws Exception {
        String sku = tag.toUpperCase() + "-OLD";
        String w = letters(8);
        db.exec("insert into product (sku, name, name_ar, unit, retail_price, wholesale_price, search_text) "
                + "values (?, ?, 'الجهاز القديم', 'piece', 1, 1, 'old form')", sku, "Oldstyle " + w);
        try (Connection c = db.connection()) {
            assertTrue(SearchTextRewrite.products(c) >= 1);
        }
        assertTrue(db.text("select search_text from product where sku = ?", sku).contains(" قديم "));
        assertEquals(1, db.count("select count(*) from search_word where word = ?", w), "the trigger adds the words");
        assertEquals(1, ids("قديم " + tag.toUpperCase() + "-old").size());
    }
}
