package com.tsh.erp.clients;

import static com.tsh.erp.clients.People.clientBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tsh.erp.clients.service.SearchTextRewrite;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Every rule of client and salesperson search (issue 9, libs/text's one pattern), through the API. */
@QuarkusTest
class ClientSearchTest extends ClientsTestBase {

    /** A word no other test uses. */
    private final String tag = "cs" + UUID.randomUUID().toString().substring(0, 6);

    private static String letters(int n) {
        StringBuilder b = new StringBuilder("kw");
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        while (b.length() < n) {
            b.append((char) ('a' + rnd.nextInt(26)));
        }
        return b.toString();
    }

    private static long client(String name, String nameAr, String phone) {
        Map<String, Object> body = clientBody(name, "RETAIL");
        body.put("name_ar", nameAr);
        body.put("phone", phone);
        return People.client(body);
    }

    private static List<Integer> ids(String path, String q, Object... more) {
        var request = given().queryParam("q", q).queryParam("per_page", 50);
        for (int i = 0; i + 1 < more.length; i += 2) {
            request.queryParam((String) more[i], more[i + 1]);
        }
        return request.get(path).then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    private static List<Integer> clients(String q) {
        return ids("/clients", q);
    }

    @Test
    void everyWordMatchesInAnyOrderInEitherLanguageOrBoth() {
        long id = client("Al-Noor Electronics " + tag, "النور للإلكترونيات", People.localMobile());
        for (String q : new String[]{"electronics noor " + tag, tag + " noor al", "للالكترونيات النور " + tag,
                "noor " + tag + " الالكترونيات", "ELECTRONICS " + tag.toUpperCase()}) {
            assertEquals(List.of((int) id), clients(q), q);
        }
        assertEquals(List.of(), clients("electronics baghdad " + tag), "every word must match");
    }

    @Test
    void theArticleAndAttachedPrefixesAreIgnoredInQueryAndStoredText() {
        long noor = client("Noor " + tag, "النور للهواتف", People.localMobile());
        long dijla = client("Dijla " + tag, "دجلة هواتف", People.localMobile());
        for (String q : new String[]{"نور", "النور", "والنور", "بالنور"}) {
            assertEquals(List.of((int) noor), clients(q + " " + tag), q);
        }
        for (String q : new String[]{"دجلة", "ودجلة", "بدجلة", "الدجلة"}) {
            assertEquals(List.of((int) dijla), clients(q + " " + tag), q);
        }
        assertEquals(List.of((int) dijla, (int) noor), clients("الهواتف " + tag), "هواتف and للهواتف are both the word هواتف: by name");
    }

    @Test
    void aPhoneNumberInAnyWrittenFormAndScript() {
        String local = People.localMobile(); // 0770XXXXXXX
        long id = client("Phone " + tag, "هاتف", local);
        String rest = local.substring(4);
        String arabicIndic = local.chars().mapToObj(c -> String.valueOf((char) ('\u0660' + (c - '0')))).reduce("", String::concat);
        String persian = local.chars().mapToObj(c -> String.valueOf((char) ('\u06F0' + (c - '0')))).reduce("", String::concat);
        for (String q : new String[]{local, "0770 " + rest.substring(0, 3) + " " + rest.substring(3), "+964 770 " + rest,
                "00964-770-" + rest, "(0770) " + rest, arabicIndic, persian, "770" + rest}) {
            assertEquals((int) id, clients(q).get(0), q);
        }
    }

    @Test
    void oneLetterWrongMissingExtraOrSwappedStillFindsTheClient() {
        String w = letters(3) + "ae" + letters(6).substring(2);
        long id = client("Trader " + w, "تاجر للهواتف", People.localMobile());
        String[] typos = {w.substring(0, 4) + "z" + w.substring(5), w.substring(0, 4) + w.substring(5),
                w.substring(0, 4) + "z" + w.substring(4), w.substring(0, 3) + "ea" + w.substring(5)};
        for (String q : typos) {
            assertEquals((int) id, clients(q).get(0), q);
        }
        assertTrue(clients("للهواتق " + w).contains((int) id), "Arabic, one letter wrong, after its prefix");
    }

    @Test
    void tiersWholeWordsWordStartsInsideWordsThenSimilarWordsByName() {
        String w = letters(9);
        long inside = client("Gamma x" + w, "ج", People.localMobile());
        long start = client("Beta " + w + "ish", "ب", People.localMobile());
        long zed = client("Zed " + w, "ز", People.localMobile());
        long alpha = client("Alpha " + w, "أ", People.localMobile());
        long similar = client("Delta " + w.substring(0, w.length() - 1), "د", People.localMobile());
        assertEquals(List.of((int) alpha, (int) zed, (int) start, (int) inside, (int) similar), clients(w));
        given().queryParam("q", w).queryParam("per_page", 4).get("/clients").then().statusCode(200)
                .body("items.id", contains((int) alpha, (int) zed, (int) start, (int) inside))
                .body("has_more", equalTo(false)); // a page of exact matches: no typo step
        given().queryParam("q", w).queryParam("per_page", 2).queryParam("page", 2).get("/clients").then().statusCode(200)
                .body("items.id", contains((int) start, (int) inside)).body("has_more", equalTo(false));
    }

    @Test
    void filtersStillApplyToSearches() {
        long id = client("Filtered " + tag, "مفلتر", People.localMobile());
        assertEquals(List.of((int) id), ids("/clients", "filtered " + tag, "city", "Baghdad"));
        assertEquals(List.of(), ids("/clients", "filtered " + tag, "city", "Basra"));
        assertEquals(List.of(), ids("/clients", "filtered " + tag, "type", "WHOLESALE"));
        assertEquals(List.of(), clients("%% --"), "punctuation alone matches nothing");
    }

    @Test
    void salespeopleAreSearchedTheSameWay() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Hassan Ali " + tag);
        body.put("name_ar", "حسن العلي");
        body.put("phone", People.localMobile());
        body.put("kind", "TRAVEL");
        body.put("commission_rate", 1.5);
        long id = given().contentType(ContentType.JSON).body(body).post("/salespeople").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        for (String q : new String[]{"ali hassan " + tag, "علي " + tag, "hasan " + tag, tag + " حسن"}) {
            assertEquals(List.of((int) id), ids("/salespeople", q), q);
        }
    }

    /** The stored text and the word table as V7 and V7_1 leave them for rows written before. */
    @Test
    void rowsWrittenBeforeGetTheNewSearchTextAndTheirWords() throws Exception {
        String w = letters(8);
        db.exec("insert into client (name, name_ar, client_type, phone, search_text) values (?, 'المتجر القديم', 'RETAIL', '+9647701112233', 'old form')",
                "Old " + w);
        try (Connection c = db.connection()) {
            assertTrue(SearchTextRewrite.clientsAndSalespeople(c) >= 1);
        }
        String text = db.text("select search_text from client where name = ?", "Old " + w);
        assertTrue(text.contains(" متجر ") && text.contains(" 07701112233 ") && text.contains(" " + w + " "), text);
        assertEquals(1, db.count("select count(*) from search_word where word = ?", w), "the trigger adds the words");
        assertEquals(1, clients("متجر " + w).size());
    }
}
